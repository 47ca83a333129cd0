"""Jinja templates called from inside posts: shortcodes and Jekyll includes."""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.runtime
from markupsafe import Markup

from blogbuild.content.confined import ConfinedLoader, RefusedTemplate
from blogbuild.content.theme import theme_dir
from blogbuild.markup.liquidfilters import FILTERS, absolute_url, relative_url
from blogbuild.markup.sourcestate import Context

_SAFE_URL = re.compile(r"^(?:https?://|//|/|\.|#|[^:/?#]+(?:[/?#]|$))", re.IGNORECASE)
_DIGITS = re.compile(r"^\s*(\d+)\s*(?:px)?\s*$")
# A CSS length an author may give a figure: a number with a unit, nothing a style could run.
_LENGTH = re.compile(
    r"\d+(?:\.\d+)?(?:px|%|em|rem|ex|ch|vw|vh|vmin|vmax|cm|mm|in|pt|pc)", re.IGNORECASE
)
# Longer names are no template's (a file name holds 255 bytes): looking one up would fail
# with "File name too long" instead of finding nothing.
_NAME_BYTES = 200


@cache
def builtin_shortcodes() -> Path:
    """The theme's folder of built-in shortcodes (asked once per shortcode of a post)."""
    return theme_dir() / "templates" / "shortcodes"


def has_template(folder: str | Path, name: str) -> bool:
    """Whether `folder` holds the template `name`; a name no file could have holds none."""
    if len(name.encode("utf-8", "surrogatepass")) > _NAME_BYTES or "\0" in name:
        return False
    try:
        return os.path.isfile(os.path.join(folder, name))
    except (OSError, ValueError):
        return False


def _safe_url(value: Any) -> str:
    """A URL a page may load or link to: web and relative URLs; anything else is dropped."""
    text = str(value or "").strip()
    return text if _SAFE_URL.match(text) else ""


@jinja2.pass_context
def _pixels(context: jinja2.runtime.Context, value: Any, attribute: str = "") -> str:
    """`600px`/`600` -> `600` (an HTML width); other lengths (`50%`) -> '', with a warning
    when the `attribute` it is for is named."""
    text = str(value or "").strip()
    match = _DIGITS.match(text)
    if match is None and text and attribute:
        context["_warn"](f"{attribute} '{text}' is not a number of pixels; {attribute} left out")
    return match.group(1) if match else ""


@jinja2.pass_context
def _css_length(context: jinja2.runtime.Context, value: Any, attribute: str) -> str:
    """`value` when it is a number with a unit (`50%`, `20em`); else '' and a warning."""
    text = str(value or "").strip()
    if not text or _LENGTH.fullmatch(text):
        return text
    context["_warn"](f"{attribute} '{text}' is not a number with a unit; {attribute} left out")
    return ""


@jinja2.pass_context
def _relative_url(context: jinja2.runtime.Context, value: Any) -> str:
    return relative_url(context["_site"], value)


@jinja2.pass_context
def _absolute_url(context: jinja2.runtime.Context, value: Any) -> str:
    return absolute_url(context["_site"], value)


@lru_cache(maxsize=16)
def _environment(folders: tuple[str, ...], root: str) -> jinja2.Environment:
    theme = builtin_shortcodes()
    confined = [
        (f, theme_dir().resolve(), "the theme")
        if Path(f) == theme
        else (f, Path(root).resolve(), "the site")
        for f in folders
    ]
    env = jinja2.Environment(
        loader=ConfinedLoader(confined),
        autoescape=True,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.filters.update(
        safe_url=_safe_url,
        pixels=_pixels,
        css_length=_css_length,
        relative_url=_relative_url,
        absolute_url=_absolute_url,
    )
    return env


def _render(
    ctx: Context, folders: tuple[str, ...], name: str, values: dict[str, Any], line: int, what: str
) -> str | None:
    """Template `name` from `folders` rendered with `values`; None when it does not exist."""
    if (folders, name) in ctx.missing or not any(has_template(f, name) for f in folders):
        ctx.missing.add((folders, name))
        return None
    env = _environment(folders, ctx.site.root)
    try:
        template = env.get_template(name)
    except RefusedTemplate as refused:
        ctx.warn(line, f"{what}: {refused.shown}: {refused.reason}; left out")
        return ""
    except jinja2.TemplateNotFound:
        ctx.missing.add((folders, name))
        return None
    except (OSError, UnicodeDecodeError) as error:  # unreadable, not UTF-8: named, left out
        ctx.warn(line, f"{what}: cannot read {name}: {error}; left out")
        return ""
    except jinja2.TemplateSyntaxError as error:
        ctx.warn(
            line, f"{what}: {_shown(error.filename)}:{error.lineno}: {error.message}; left out"
        )
        return ""

    def markdownify(text: Any) -> Markup:
        return Markup(ctx.render_markdown(str(text or ""), True, line))

    try:
        html = template.render(
            site=ctx.site.variables(),
            page=ctx.page,
            markdownify=markdownify,
            _site=ctx.site,
            _warn=lambda message: ctx.warn(line, f"{what}: {message}"),
            **values,
        )
    except Exception as error:  # a template's own mistake: named, the rest of the post built
        shown = _shown(template.filename)
        ctx.warn(line, f"{what}: {shown}: {type(error).__name__}: {error}; left out")
        return ""
    return html.strip()


def _shown(path: str | None) -> str:
    """A template's path as a writer knows it: from `templates/` or `_includes/` on."""
    parts = Path(path or "?").parts
    for anchor in ("templates", "_includes"):
        if anchor in parts:
            return "/".join(parts[len(parts) - 1 - parts[::-1].index(anchor) :])
    return parts[-1]


def render_include(ctx: Context, name: str, params: dict[str, Any], line: int) -> str | None:
    """`{% include name key=value %}` from the site's include folders; missing, a warning."""
    html = _render(ctx, ctx.site.include_dirs, name, {"include": params}, line, "include")
    if html is None:
        where = "templates/includes/ or _includes/"
        ctx.warn(line, f"{{% include {name} %}}: no such file in {where}; left out")
    return html


def render_shortcode(
    ctx: Context,
    name: str,
    args: list[str],
    kwargs: dict[str, str],
    inner: str | None,
    line: int,
) -> str | None:
    """A shortcode from the site's `templates/shortcodes/`, else a built-in; None if neither.

    `inner` is the Markdown between the opening and closing tags (None without them): the
    template gets it as `inner`, rendered and sanitised.
    """
    folders = (*ctx.site.shortcode_dirs, str(builtin_shortcodes()))
    values = {
        "args": args,
        "kwargs": kwargs,
        "name": name,
        "inner": Markup(ctx.render_markdown(inner, False, line)) if inner else Markup(""),
        "inner_text": inner or "",
    }
    return _render(ctx, folders, f"{name}.html", values, line, f"shortcode '{name}'")
