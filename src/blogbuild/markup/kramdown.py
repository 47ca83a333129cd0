"""Leftovers of Jekyll's kramdown that would otherwise show up as text in the page."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# An inline attribute list: `{: .center}`, `{:class="x"}`, `{: style="w: 1%;" #id}`, `{:toc}`.
# Each item is an atomic group: with the spaces between items optional, a run of letters
# could otherwise be split into items in 2^n ways, tried one by one when no `}` follows
# (`{: aaa…` of 25 letters took 10 s).
_IAL_RE = re.compile(
    r"""\{:\s*(?:(?>[.#][\w-]+|[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s}"']+))?)\s*)*\}"""
)
_LINE_IAL_RE = re.compile(rf"^\s*{_IAL_RE.pattern}\s*$")
_TRAILING_IAL_RE = re.compile(rf"{_IAL_RE.pattern}\s*$")
_TOC_RE = re.compile(r"^[ \t]*\{:\s*toc\s*\}[ \t]*$", re.MULTILINE)
_BREAKS = ("softbreak", "hardbreak")


def _split_lines(children: list[Token]) -> list[list[Token]]:
    """Children grouped by source line; each group but the last ends with its break."""
    lines: list[list[Token]] = [[]]
    for child in children:
        lines[-1].append(child)
        if child.type in _BREAKS:
            lines.append([])
    return lines


def _strip_line(line: list[Token]) -> tuple[list[Token], bool]:
    """The line without a kramdown attribute list; True when the whole line was one."""
    brk = line[-1:] if line and line[-1].type in _BREAKS else []
    body = line[: len(line) - len(brk)]
    # Before text_join an attribute list is split over several plain `text` tokens;
    # escaped characters are `text_special`, so `\{: x}` is never taken for one.
    start = len(body)
    while start > 0 and body[start - 1].type == "text":
        start -= 1
    tail = "".join(t.content for t in body[start:])
    if start == 0 and _LINE_IAL_RE.match(tail):
        return [], True
    if start > 0 and body[start - 1].type != "text" and _TRAILING_IAL_RE.fullmatch(tail):
        # `![x](a.png){: .center}`: a span attribute list right after an element.
        return body[:start] + brk, False
    return line, False


def _strip_inline(inline: Token) -> None:
    kept: list[list[Token]] = []
    for line in _split_lines(inline.children or []):
        stripped, whole_line = _strip_line(line)
        if whole_line:
            continue
        kept.append(stripped)
    flat = [t for line in kept for t in line]
    while flat and flat[-1].type in _BREAKS:  # the removed line was the last one
        flat.pop()
    inline.children = flat


def _drop_toc_lists(tokens: list[Token]) -> list[Token]:
    """kramdown replaces a list ending in `{:toc}` with a table of contents; we drop it."""
    kept: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            close = _matching_close(tokens, i)
            if any(_TOC_RE.search(t.content) for t in tokens[i:close] if t.type == "inline"):
                i = close + 1
                continue
        kept.append(token)
        i += 1
    return kept


def _matching_close(tokens: list[Token], open_index: int) -> int:
    opening = tokens[open_index]
    closing_type = opening.type.replace("_open", "_close")
    for j in range(open_index + 1, len(tokens)):
        if tokens[j].type == closing_type and tokens[j].level == opening.level:
            return j
    return len(tokens) - 1


def _remove_attribute_lists(state: StateCore) -> None:
    if "{:" not in state.src:
        return
    if _TOC_RE.search(state.src):
        state.tokens = _drop_toc_lists(state.tokens)
    tokens = state.tokens
    for token in tokens:
        if "{:" not in token.content:
            continue
        if token.type == "inline" and token.children:
            _strip_inline(token)
        elif token.type == "html_block":
            # kramdown reads Markdown after a raw tag line; CommonMark keeps it in the block.
            lines = token.content.split("\n")
            token.content = "\n".join(ln for ln in lines if not _LINE_IAL_RE.match(ln))
    # A paragraph that held nothing but an attribute list disappears with it.
    keep: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            token.type == "paragraph_open"
            and i + 2 < len(tokens)
            and tokens[i + 1].type == "inline"
            and "{:" in tokens[i + 1].content
            and not tokens[i + 1].children
        ):
            i += 3
            continue
        keep.append(token)
        i += 1
    state.tokens = keep


def kramdown_cleanup_plugin(md: MarkdownIt) -> None:
    """Drop kramdown attribute lists such as `{: .center}` from the output."""
    # Before text_join, so escaped braces can still be told apart from plain ones.
    md.core.ruler.before("text_join", "kramdown_attribute_lists", _remove_attribute_lists)
