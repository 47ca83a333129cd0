"""Liquid and shortcodes, expanded in a post's source before Markdown reads it.

Jekyll and Hugo do the same (templates first, Markdown after), except that code stays
literal here: fenced and indented blocks, math blocks and inline code are copied as they are.
Each new line remembers the old line it came from, so tokens and warnings keep file lines.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from blogbuild.markup.liquid import expand_output, expand_tag
from blogbuild.markup.shortcodes import expand_shortcode
from blogbuild.markup.sourcestate import Context, Fragment, Output

_ENV_KEY = "blogbuild_templating"
_OPENING = re.compile(r"\{[{%]")
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
_CODE_BLOCKS = frozenset({"fence", "code_block", "math_block", "math_block_label"})
# What each of those blocks needs in its source (a fence, an indent after any quote or list
# markers, display math): without any, the block parse (as costly as the post's own) is
# not needed to know that there are none. Plain-text posts, made of stripped lines, never
# need it.
_CODE_BLOCK_MARK = re.compile(
    r"```|~~~|\$\$|^[ \t>*+\-\d.)]*(?: {4}|\t)|^[ >]*\\(?:\[|begin)", re.MULTILINE
)


def has_templates(source: str) -> bool:
    """Whether `source` may hold Liquid or shortcodes (the pass costs nothing without)."""
    return "{%" in source or "{{" in source


@dataclass(frozen=True, slots=True)
class Expanded:
    """A source with its Liquid and shortcodes expanded."""

    source: str
    line_of: tuple[int, ...]  # the old 0-based line each new line starts on
    marker: str
    fragments: tuple[Fragment, ...]


# Real posts hold up to a few hundred tags and shortcodes; each costs a template render,
# and one of a hundred thousand `{{` would keep the build busy for a minute.
MAX_TEMPLATE_TAGS = 5_000


def expand(source: str, ctx: Context, md: MarkdownIt) -> Expanded:
    """Expand every Liquid tag, output and shortcode of `source` outside code (the first
    MAX_TEMPLATE_TAGS of them; the rest stay as written, with a warning)."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    marker = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in source)
    out = Output(source, marker)
    code = _code_spans(source, md)
    index = position = copied = tried = 0  # copied: how much of the old source is in `out`
    while (found := _OPENING.search(source, position)) is not None:
        start = found.start()
        if tried == MAX_TEMPLATE_TAGS:
            ctx.warn(out.line_at(start), _TOO_MANY_TAGS)
            break
        while index < len(code) and code[index][1] <= start:
            index += 1
        if index < len(code) and code[index][0] <= start:
            position = code[index][1]  # code: copied with the text around it
            continue
        out.verbatim(copied, start)
        copied = start
        tried += 1
        if source.startswith(("{{<", "{{%"), start):
            end = expand_shortcode(ctx, out, start)
        elif source[start + 1] == "%":
            end = expand_tag(ctx, out, start)
        else:
            end = expand_output(ctx, out, start)
        if end is None:  # not a construct after all: the text stays as written
            position = start + 2
        else:
            position = copied = end
    out.verbatim(copied, len(source))
    line_of = (*out.line_of, out.line_at(len(source)) + 1)
    return Expanded(out.text(), line_of, marker, tuple(out.fragments))


_TOO_MANY_TAGS = (
    f"more than {MAX_TEMPLATE_TAGS:,} Liquid tags and shortcodes: from here on they are "
    "shown as written"
)


def _code_spans(source: str, md: MarkdownIt) -> list[tuple[int, int]]:
    """Where code is in `source` (blocks from the block parser, then inline code spans),
    as sorted (start, end) offsets."""
    starts = [0]
    for line in source.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    blocks: list[tuple[int, int]] = []
    parsed = _CODE_BLOCK_MARK.search(source) is not None
    for token in (md.block.parse(source, md, {}, []) if parsed else None) or []:
        if token.type in _CODE_BLOCKS and token.map:
            begin, finish = token.map
            blocks.append((starts[begin], starts[min(finish, len(starts) - 1)]))
    spans: list[tuple[int, int]] = []
    position = 0
    for begin, finish in [*blocks, (len(source), len(source))]:
        for span in _CODE_SPAN.finditer(source, position, begin):
            spans.append(span.span())
        spans.append((begin, finish))
        position = finish
    return [span for span in spans if span[1] > span[0]]


def expanded_env(env: MutableMapping[str, Any], expanded: Expanded) -> None:
    """Tell the plugin's rules about the expansion of the source being parsed."""
    env[_ENV_KEY] = expanded


def _expansion(env: MutableMapping[str, Any]) -> Expanded | None:
    found = env.get(_ENV_KEY)
    return found if isinstance(found, Expanded) else None


def _remap_lines(state: StateCore) -> None:
    """Token maps in lines of the file as written, not of the expanded source."""
    expanded = _expansion(state.env)
    if expanded is None:
        return
    line_of = expanded.line_of
    last = len(line_of) - 1
    for token in state.tokens:
        if token.map:
            begin, finish = token.map
            first = line_of[min(begin, last)]
            token.map = [first, max(line_of[min(finish, last)], first + 1)]


def _place_fragments(state: StateCore) -> None:
    """Each fragment marker becomes its HTML: a block of its own where it stood alone.

    Fragments are site templates' output, written from a post's arguments: they are raw
    HTML of the post, sanitised with it (and inside its HTML, never after it).
    """
    expanded = _expansion(state.env)
    if expanded is None or not expanded.fragments:
        return
    marker = expanded.marker
    pattern = re.compile(f"{marker}(\\d+){marker}")
    tokens: list[Token] = []
    i = 0
    while i < len(state.tokens):
        token = state.tokens[i]
        alone = _lone_marker(state.tokens, i, pattern)
        if alone is not None and expanded.fragments[alone].block:
            block = Token("html_block", "", 0, map=token.map, block=True)
            block.content = expanded.fragments[alone].html + "\n"
            tokens.append(block)
            i += 3
            continue
        if token.type == "inline" and marker in token.content and token.children:
            token.children = _inline_fragments(token.children, pattern, expanded)
        elif token.type == "html_block" and marker in token.content:
            token.content = pattern.sub(
                lambda m: expanded.fragments[int(m.group(1))].html, token.content
            )
        tokens.append(token)
        i += 1
    state.tokens = tokens


def _lone_marker(tokens: Sequence[Token], i: int, pattern: re.Pattern[str]) -> int | None:
    """The fragment of a paragraph that holds nothing but its marker, else None."""
    if tokens[i].type != "paragraph_open" or i + 2 >= len(tokens):
        return None
    found = pattern.fullmatch(tokens[i + 1].content.strip())
    return int(found.group(1)) if found else None


def _inline_fragments(
    children: list[Token], pattern: re.Pattern[str], expanded: Expanded
) -> list[Token]:
    result: list[Token] = []
    for child in children:
        if child.type != "text" or expanded.marker not in child.content:
            if child.children:
                child.children = _inline_fragments(child.children, pattern, expanded)
            result.append(child)
            continue
        position = 0
        for found in pattern.finditer(child.content):
            if found.start() > position:
                result.append(_text(child.content[position : found.start()]))
            html = Token("html_inline", "", 0)
            html.content = expanded.fragments[int(found.group(1))].html
            result.append(html)
            position = found.end()
        if position < len(child.content):
            result.append(_text(child.content[position:]))
    return result


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def templating_plugin(md: MarkdownIt) -> None:
    """Put token lines right after expansion, and fragments in place of their markers."""
    md.core.ruler.after("block", "template_lines", _remap_lines)
    md.core.ruler.after("text_join", "template_fragments", _place_fragments)
