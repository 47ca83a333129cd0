"""kramdown's block syntax beyond attribute lists: the TOC, extensions, tables, `markdown="1"`."""

from __future__ import annotations

import re
from collections.abc import MutableMapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import HTML_SEQUENCES
from markdown_it.rules_block.paragraph import paragraph
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from blogbuild.markup.state import document_state, render_rule

TOC_TOKEN = "kramdown_toc"
# `{::comment}…{:/comment}`, `{::options parse_block_html="true" /}`, `{::nomarkdown}…{:/}`.
_EXTENSION = re.compile(r"\{::(comment|options|nomarkdown)\b[^}]*?(/)?\}")
_EXTENSION_END = re.compile(r"\{:/(?:comment|nomarkdown)?\}")
_SEPARATOR_ROW = re.compile(r"^\|[\s|:+=-]*[-=][\s|:+=-]*$")
_MARKDOWN_OPEN = re.compile(
    r"""^<([A-Za-z][\w-]*)(\s[^>]*?)?\s+markdown=(["']?)(?:1|block|span)\3([^>]*)>\s*$"""
)
_MAX_LINES = 2000  # how far a kramdown block may reach for its end


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _extension_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Comments and options disappear; `nomarkdown` content is passed on as raw HTML."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = _line(state, start)
    match = _EXTENSION.match(first)
    if match is None:
        return False
    name = match.group(1)
    self_closing = match.group(2) is not None or name == "options"
    content: list[str] = []
    rest = first[match.end() :]
    last = start
    if not self_closing:
        closed = _EXTENSION_END.search(rest)
        line = start
        while closed is None:
            content.append(rest)
            line += 1
            if line >= min(end, start + _MAX_LINES):
                return False  # never closed: left as text, as kramdown would
            rest = _line(state, line)
            closed = _EXTENSION_END.search(rest)
        content.append(rest[: closed.start()])
        last = line
    if silent:
        return True
    if name == "nomarkdown":
        token = state.push("html_block", "", 0)
        token.content = "\n".join(content).strip("\n") + "\n"
        token.map = [start, last + 1]
    state.line = last + 1
    return True


def _extension_inline(state: StateInline, silent: bool) -> bool:
    """`{::comment}…{:/}` inside a paragraph disappears too."""
    if not state.src.startswith("{::", state.pos):
        return False
    match = _EXTENSION.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if match.group(2) or match.group(1) == "options":
        state.pos = match.end()
        return True
    closed = _EXTENSION_END.search(state.src, match.end(), state.posMax)
    if closed is None:
        return False
    if not silent and match.group(1) == "nomarkdown":
        token = state.push("html_inline", "", 0)
        token.content = state.src[match.end() : closed.start()]
    state.pos = closed.end()
    return True


# More cells than any table a reader could scroll through: a line of a million `|` is
# text, not a table of a million cells for every later stage to walk.
MAX_TABLE_COLUMNS = 1_000


def _is_row(text: str) -> bool:
    return text.startswith("|") and 2 <= text.count("|") <= MAX_TABLE_COLUMNS + 1


def split_cells(row: str) -> list[str]:
    """The cells of `| a | b |`: a `|` escaped or inside a code span separates nothing."""
    cells: list[str] = []
    begin, end, ticks = 1, len(row), 0
    if row.endswith("|") and not row.endswith("\\|"):
        end -= 1
    # One pass over the characters that matter, so a row of thousands of backticks costs
    # its length, not its square.
    for found in _CELL_MARKS.finditer(row, 1, end):
        mark = found.group()
        if mark.startswith("`"):
            ticks = 0 if ticks == len(mark) else (ticks or len(mark))
        elif mark == "|" and not ticks:
            cells.append(row[begin : found.start()])
            begin = found.end()
    cells.append(row[begin:end])
    return cells


_CELL_MARKS = re.compile(r"\\\||`+|\|")


def _headerless_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Rows of `| a | b |` without a `|---|` line under the first: kramdown's table."""
    if state.sCount[start] - state.blkIndent >= 4 or not _is_row(_line(state, start)):
        return False
    line = start
    rows: list[tuple[int, str]] = []
    while line < end and state.sCount[line] - state.blkIndent < 4:
        text = _line(state, line).strip()
        if not _is_row(text):
            break
        if not _SEPARATOR_ROW.match(text):
            rows.append((line, text))
        line += 1
    if not rows:
        return False
    if silent:
        return True
    table = state.push("table_open", "table", 1)
    table.map = [start, line]
    state.push("tbody_open", "tbody", 1)
    for number, text in rows:
        cells = split_cells(text)
        row = state.push("tr_open", "tr", 1)
        row.map = [number, number + 1]
        for cell in cells:
            state.push("td_open", "td", 1)
            inline = state.push("inline", "", 0)
            inline.content = cell.strip()
            inline.map = [number, number + 1]
            inline.children = []
            state.push("td_close", "td", -1)
        state.push("tr_close", "tr", -1)
    state.push("tbody_close", "tbody", -1)
    state.push("table_close", "table", -1)
    state.line = line
    return True


def _markdown_in_html(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """`<div markdown="1">`: the lines up to the closing tag are read as Markdown."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    match = _MARKDOWN_OPEN.match(_line(state, start))
    if match is None:
        return False
    tag = match.group(1).lower()
    opening, closing = re.compile(rf"<{tag}\b", re.I), f"</{tag}>"
    depth = 1
    line = start + 1
    while line < min(end, start + _MAX_LINES):
        text = _line(state, line)
        depth += len(opening.findall(text)) - text.lower().count(closing)
        if depth <= 0:
            break
        line += 1
    else:
        return False
    if not _line(state, line).strip().lower().startswith(closing):
        return False
    if silent:
        return True
    attributes = f"{match.group(2) or ''}{match.group(4)}".rstrip()
    token = state.push("html_block", "", 0)
    token.content = f"<{match.group(1)}{attributes}>\n"
    token.map = [start, start + 1]
    old_parent, old_limit = state.parentType, state.lineMax
    state.parentType = "blockquote"  # as a container, so a closing line never joins it
    state.lineMax = line
    state.md.block.tokenize(state, start + 1, line)
    state.parentType, state.lineMax = old_parent, old_limit
    token = state.push("html_block", "", 0)
    token.content = _line(state, line).strip() + "\n"
    token.map = [line, line + 1]
    state.line = line + 1
    return True


_OTHER_HTML_STARTS = [sequence[0] for sequence in HTML_SEQUENCES[:-1]]
_SPAN_TAG_LINE = HTML_SEQUENCES[-1][0]  # CommonMark's HTML block 7: a lone tag of any other name


def _span_tag_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line that is only a span tag (`<br />`, `<span>`) with text below it starts a
    paragraph, as in kramdown: CommonMark's HTML block would show the Markdown of the lines
    below as it is written (`![Рис](/a.png)`)."""
    if silent or state.sCount[start] - state.blkIndent >= 4:
        return False  # such a line never interrupts a paragraph
    text = _line(state, start).strip()
    if not _SPAN_TAG_LINE.search(text) or any(p.search(text) for p in _OTHER_HTML_STARTS):
        return False
    if start + 1 >= end or state.isEmpty(start + 1) or _line(state, start + 1).lstrip()[:1] == "<":
        return False  # a tag alone, or above more HTML (`<audio>`, `<source>`), stays HTML
    return paragraph(state, start, end, silent)


def _render_toc(tokens: Sequence[Token], idx: int, env: MutableMapping[str, Any]) -> str:
    """The headings of the post as nested lists of links, where `{:toc}` stood."""
    token = tokens[idx]
    doc = document_state(env)
    headings = doc.headings if doc else []
    if not headings:
        return ""
    tag = token.info or "ul"
    attributes = "".join(f' {k}="{escapeHtml(str(v))}"' for k, v in token.attrs.items())
    parts = [f"<{tag}{attributes}>"]
    levels = [headings[0].level]
    for number, heading in enumerate(headings):
        if number:
            if heading.level > levels[-1]:
                parts.append(f"<{tag}>")
                levels.append(heading.level)
            else:
                parts.append("</li>")
                while len(levels) > 1 and heading.level < levels[-1]:
                    parts.append(f"</{tag}></li>")
                    levels.pop()
        parts.append(f'<li><a href="#{escapeHtml(heading.id)}">{escapeHtml(heading.text)}</a>')
    parts.append("</li>")
    parts.extend(f"</{tag}></li>" for _ in levels[1:])
    parts.append(f"</{tag}>\n")
    return "".join(parts)


def kramdown_blocks_plugin(md: MarkdownIt) -> None:
    """kramdown's `{:toc}`, `{::comment}`/`{::options}`, headerless tables and `markdown="1"`."""
    md.block.ruler.before("fence", "kramdown_extension", _extension_block, {"alt": ["paragraph"]})
    md.block.ruler.after("table", "kramdown_table", _headerless_table, {"alt": ["paragraph"]})
    md.block.ruler.before("html_block", "kramdown_markdown_html", _markdown_in_html)
    md.block.ruler.before("html_block", "kramdown_span_line", _span_tag_line)
    md.inline.ruler.before("text", "kramdown_extension", _extension_inline)
    md.add_render_rule(TOC_TOKEN, render_rule(_render_toc))
