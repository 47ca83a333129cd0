"""Jekyll's Liquid in posts: links to posts, site and page values, highlight, raw, include."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from blogbuild.markup.liquidfilters import apply, show, site_filters
from blogbuild.markup.shortcodes import parse_arguments
from blogbuild.markup.snippets import (
    builtin_shortcodes,
    has_template,
    render_include,
    render_shortcode,
)
from blogbuild.markup.sourcestate import Context, Output

_TAG = re.compile(r"\{%-?\s*([A-Za-z_]\w*)(.*?)-?%\}", re.S)
_OUTPUT = re.compile(r"\{\{-?((?:[^}\n]|\}(?!\})|\n(?!\s*\n))*?)-?\}\}")
_PATH = re.compile(r"""^(site|page|include)((?:\.[\w-]+|\[(?:"[^"]*"|'[^']*'|\d+)\])*)$""")
_STEP = re.compile(r"""\.([\w-]+)|\[(?:"([^"]*)"|'([^']*)'|(\d+))\]""")
_STRING = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_PARAM = re.compile(r"""([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"']+)""")
_PIECES = re.compile(r"""("[^"]*"|'[^']*'|[^|"']+|\|)""")
_ARGS = re.compile(r"""("[^"]*"|'[^']*'|[^,"']+)""")
# Tags that bracket a block whose content is not Markdown: their end tag, by name.
_CLOSERS = {"raw": "endraw", "comment": "endcomment", "highlight": "endhighlight"}
_MISSING = object()


def _closing(name: str) -> re.Pattern[str]:
    return re.compile(rf"\{{%-?\s*{name}\s*-?%\}}")


_CLOSING = {name: _closing(end) for name, end in _CLOSERS.items()}


_RENDERED_TAGS = frozenset(
    {"post_url", "link", "include", *_CLOSERS, *_CLOSERS.values()}
)  # fmt: skip


def is_rendered(liquid: str) -> bool:
    """Whether blogbuild renders this Liquid tag or output (else it is left out or kept as
    text): `{% post_url x %}` and `{{ site.title }}` are, `{% assign x = 1 %}` is not."""
    tag = _TAG.match(liquid)
    if tag:
        name = tag.group(1)
        return name in _RENDERED_TAGS or _is_builtin_shortcode(name)
    output = _OUTPUT.match(liquid)
    pieces = _split(output.group(1).strip()) if output else []
    return bool(pieces) and bool(_PATH.match(pieces[0].strip()) or _STRING.match(pieces[0].strip()))


@lru_cache(maxsize=256)  # the checker asks once for each of thousands of tags
def _is_builtin_shortcode(name: str) -> bool:
    return has_template(builtin_shortcodes(), f"{name}.html")


def expand_tag(ctx: Context, out: Output, start: int) -> int | None:
    """Expand the Liquid tag at `start` into `out`; where it ends, or None if there is none."""
    source = out.source
    match = _TAG.match(source, start, out.tag_limit(start, "%}"))
    if match is None:
        return None
    name, args = match.group(1), match.group(2).strip()
    line = out.line_at(start)
    end = match.end()
    if name in ("post_url", "link"):
        out.insert(ctx.post_url(args, line, f"{{% {name} %}}"), start)
        return end
    if name in _CLOSERS:
        close = _CLOSING[name].search(source, end)
        if close is None:
            ctx.warn(line, f"{{% {name} %}} has no {{% {_CLOSERS[name]} %}}; it runs to the end")
        inner_end, after = (close.start(), close.end()) if close else (len(source), len(source))
        if name == "raw":
            out.verbatim(end, inner_end)
        elif name == "highlight":
            language, _, options = args.partition(" ")
            info = f"{language} {{{options.strip()}}}" if options.strip() else language
            out.fence(info, start, end, inner_end, after)
        return after
    if name == "include":
        _include(ctx, out, start, end, args, line)
        return end
    if name.startswith("end"):  # the opening tag was named already
        return end
    # Jekyll plugins' embeds ({% gist user/id %}, {% youtube id %}) are our shortcodes.
    positional, named = parse_arguments(args)
    html = render_shortcode(ctx, name, positional, named, None, line)
    if html is None:
        ctx.warn(line, f"Liquid tag '{{% {name} %}}' is not supported; it is left out")
    else:
        out.fragment(html, start, out.alone(start, end))
    return end


def _include(ctx: Context, out: Output, start: int, end: int, args: str, line: int) -> None:
    name, _, rest = args.partition(" ")
    params = {key: _value(ctx, raw, line) for key, raw in _PARAM.findall(rest)}
    params = {key: ("" if value is _MISSING else value) for key, value in params.items()}
    html = render_include(ctx, name, params, line)
    if html is not None:
        out.fragment(html, start, out.alone(start, end))


def expand_output(ctx: Context, out: Output, start: int) -> int | None:
    """Expand `{{ site.x | filter }}` at `start`; None if it is not Liquid (left as text)."""
    match = _OUTPUT.match(out.source, start, out.tag_limit(start, "}}"))
    if match is None:
        return None
    pieces = _split(match.group(1).strip())
    if not pieces:
        return None
    head = pieces[0].strip()
    if not (_PATH.match(head) or _STRING.match(head)) or head.startswith("include"):
        return None  # `{{ name }}` of another template language, or a placeholder: text
    line = out.line_at(start)
    shown = match.group(0).replace("\n", " ")
    value = _value(ctx, head, line)
    if value is _MISSING:
        ctx.warn(line, f"'{shown}': {head} has no value; it shows as nothing")
        value = ""
    filters = site_filters(ctx.site)
    for piece in pieces[1:]:
        name, _, raw_args = piece.partition(":")
        name = name.strip()
        args = [_value(ctx, arg.strip(), line) for arg in _ARGS.findall(raw_args) if arg.strip()]
        try:
            value = apply(filters, name, value, [("" if a is _MISSING else a) for a in args])
        except KeyError:
            ctx.warn(line, f"'{shown}': Liquid filter '{name}' is not supported; it is left out")
        except (ValueError, TypeError) as error:
            ctx.warn(line, f"'{shown}': {error}")
    out.insert(show(value).replace("\n", " "), start)
    return match.end()


def _split(expression: str) -> list[str]:
    """`a | f: "x|y" | g` -> ['a', 'f: "x|y"', 'g']."""
    pieces, current = [], ""
    for token in _PIECES.findall(expression):
        if token == "|":
            pieces.append(current)
            current = ""
        else:
            current += token
    pieces.append(current)
    return [piece for piece in pieces if piece.strip()] if pieces[0].strip() else []


def _value(ctx: Context, raw: str, line: int) -> Any:
    """A literal, or a variable of `site` or `page`; _MISSING for one without a value."""
    string = _STRING.match(raw)
    if string:
        return string.group(1) if string.group(1) is not None else string.group(2)
    if _NUMBER.match(raw):
        return raw
    path = _PATH.match(raw)
    if path is None:
        return raw  # a bare word: Liquid's variable we do not know, kept as written
    value: Any = ctx.site.variables() if path.group(1) == "site" else ctx.page
    if path.group(1) == "include":
        return _MISSING
    for step in _STEP.finditer(path.group(2)):
        key = next(group for group in step.groups() if group is not None)
        if isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        elif key == "size" and isinstance(value, (list, str, dict)):
            value = len(value)
        else:
            return _MISSING
    return value
