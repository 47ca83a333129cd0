"""Hugo shortcodes in posts: `{{< name args >}}` and `{{% name %}}…{{% /name %}}`."""

from __future__ import annotations

import re
from typing import Any

from blogbuild.markup.liquidfilters import absolute_url, show
from blogbuild.markup.snippets import has_template, render_shortcode
from blogbuild.markup.sourcestate import Context, Output

# `{{< name a b="c" >}}`, `{{% name %}}`, `{{< /name >}}`, `{{< name />}}`; quoted arguments
# may hold `>}}`.
_SHORTCODE = re.compile(
    r"""\{\{([<%])\s*(/?)\s*([\w.-]+(?:/[\w.-]+)*)(?=[\s/>%])"""
    r"""((?:"(?:[^"\\]|\\.)*"|`[^`]*`|[^"`])*?)\s*(/?)\s*[>%]\}\}""",
    re.S,
)
_COMMENT = re.compile(r"\{\{([<%])\s*/\*(.*?)\*/\s*([>%])\}\}", re.S)
_ARG = re.compile(
    r"""(?:([\w-]+)\s*=\s*)?("(?:[^"\\]|\\.)*"|`[^`]*`|'[^']*'|[^\s"'`=]+)""",
    re.S,
)
# Built-ins that never hold content: no closing tag is looked for.
_NO_INNER = frozenset(
    {"figure", "youtube", "vimeo", "gist", "tweet", "x", "twitter", "ref", "relref", "param",
     "audio", "video", "instagram"}
)  # fmt: skip
_ALIASES = {"twitter": "tweet", "x": "tweet"}


def expand_shortcode(ctx: Context, out: Output, start: int) -> int | None:
    """Expand the shortcode at `start` into `out`; where it ends, or None if there is none."""
    source = out.source
    limit = out.tag_limit(start, ">}}", "%}}")
    comment = _COMMENT.match(source, start, limit)
    if comment:  # `{{</* name */>}}`: Hugo's way to show a shortcode as written
        open_, body, close = comment.groups()
        out.insert(f"{{{{{open_}{body}{close}}}}}", start)
        return comment.end()
    match = _SHORTCODE.match(source, start, limit)
    if match is None:
        return None
    _, closing, name, raw_args, self_closed = match.groups()
    line = out.line_at(start)
    if closing:
        return match.end()  # the end of an unknown pair, or a stray one: nothing to show
    args, kwargs = parse_arguments(raw_args)
    inner_span = None
    if not self_closed and name not in _NO_INNER:
        inner_span = _pairs(out, name).get(start)
    end = inner_span[1] if inner_span else match.end()
    inner = source[match.end() : inner_span[0]] if inner_span else None
    name = _ALIASES.get(name, name) if name in _ALIASES else name
    if name == "highlight":
        language = args[0] if args else kwargs.get("lang", "")
        options = " ".join([*args[1:], *(f"{k}={v}" for k, v in kwargs.items() if k != "lang")])
        info = f"{language} {{{options}}}" if options else language
        if inner is None:
            ctx.warn(line, "shortcode 'highlight' has no {{< /highlight >}}; left out")
        else:
            out.fence(info, start, match.end(), inner_span[0], end)  # type: ignore[index]
        return end
    text = _text_shortcode(ctx, name, args, kwargs, line)
    if text is not None:
        out.insert(text, start)
        return end
    html = render_shortcode(ctx, name, args, kwargs, inner, line)
    if html is None:
        where = f"add {ctx.site.shortcode_home}/{name}.html" if ctx.site.shortcode_home else ""
        ctx.warn(line, f"unknown shortcode '{name}'" + (f": {where}" if where else ""))
        return match.end()  # its content, if any, is shown as the post's own
    out.fragment(html, start, out.alone(start, end))
    return end


def parse_arguments(raw: str) -> tuple[list[str], dict[str, str]]:
    """Positional and `key="value"` arguments of a shortcode, quotes removed."""
    args: list[str] = []
    kwargs: dict[str, str] = {}
    for key, value in _ARG.findall(raw):
        if value[:1] == '"':
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        elif value[:1] in "`'":
            value = value[1:-1]
        if key:
            kwargs[key] = value
        else:
            args.append(value)
    return args, kwargs


def _pairs(out: Output, name: str) -> dict[int, tuple[int, int]]:
    """For each `name` shortcode of the source that has a closing tag, where that tag is
    (start, end), by the opening's start: found in one pass, nested pairs matched inside out."""
    if name in out.pairs:
        return out.pairs[name]
    source = out.source
    pairs: dict[int, tuple[int, int]] = {}
    opened: list[int] = []
    pattern = re.compile(rf"\{{\{{[<%]\s*/?\s*{re.escape(name)}(?=[\s/>%])")
    for found in pattern.finditer(source):
        limit = out.tag_limit(found.start(), ">}}", "%}}")
        tag = _SHORTCODE.match(source, found.start(), limit)
        if tag is None or tag.group(3) != name:
            continue
        if tag.group(2):
            if opened:
                pairs[opened.pop()] = (found.start(), tag.end())
        elif not tag.group(5):
            opened.append(found.start())
    out.pairs[name] = pairs
    return pairs


def _text_shortcode(
    ctx: Context, name: str, args: list[str], kwargs: dict[str, str], line: int
) -> str | None:
    """The built-ins whose result is text (a URL, a value), usable inside links; else None."""
    if name in ("ref", "relref") and not any(
        folder for folder in ctx.site.shortcode_dirs if _has_template(folder, name)
    ):
        target = args[0] if args else kwargs.get("path", "")
        url = ctx.post_url(target, line, f"{{{{< {name} >}}}}")
        return absolute_url(ctx.site, url) if name == "ref" and url and ctx.site.url else url
    if name == "param" and not any(_has_template(f, name) for f in ctx.site.shortcode_dirs):
        key = args[0] if args else kwargs.get("name", "")
        value = _lookup(ctx.page, key)
        if value is None:
            value = _lookup(ctx.site.params, key)
        if value is None:
            ctx.warn(line, f"{{{{< param {key} >}}}}: no such front matter value; left out")
            return ""
        return show(value).replace("\n", " ")
    return None


def _lookup(values: Any, dotted: str) -> Any:
    for key in dotted.split("."):
        if isinstance(values, dict) and key in values:
            values = values[key]
        elif isinstance(values, dict) and key.lower() in values:
            values = values[key.lower()]
        else:
            return None
    return values


def _has_template(folder: str, name: str) -> bool:
    return has_template(folder, f"{name}.html")
