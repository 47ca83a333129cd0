"""A post's body parsed once for all rules, with the way back from tokens to file positions."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from blogbuild.check.findings import Hit
from blogbuild.check.prose import Masker, blank_spans
from blogbuild.markup.inlinelimit import too_dense
from blogbuild.markup.normalize import fast_normalize_plugin
from blogbuild.markup.state import CommonMarkBlocks
from blogbuild.model import Post

# Our own parser: positions come from Token.map, and the site renderer's plugins
# (math, attributes, footnotes) would not change where blocks start.
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(fast_normalize_plugin)
# Rules read the inline Markdown of blocks as text; only one needs it parsed, for a few
# paragraphs, so the document is parsed into blocks and those few inline on demand.
_BLOCK_PARSER = (
    MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(fast_normalize_plugin)
)
_BLOCK_PARSER.core.ruler.enableOnly(["normalize", "block"])

_HIGHLIGHT_OPEN = re.compile(r"^\s*\{%-?\s*highlight\b")
_HIGHLIGHT_CLOSE = re.compile(r"\{%-?\s*endhighlight\s*-?%\}")
_BLOCK_OF = {"heading_open": "heading", "paragraph_open": "paragraph"}


@dataclass(frozen=True, slots=True)
class Span:
    """The inline Markdown of one block (paragraph, heading or table cell) and where it sits."""

    block: str  # "paragraph" | "heading" | "cell"
    text: str  # inline Markdown as markdown-it holds it (container markers removed)
    markup: str  # `text` with code and math blanked; HTML, links and template tags kept
    prose: str  # `markup` with URLs, HTML and template tags blanked too: only words remain
    first: int  # 0-based body line of the first line of `text`
    starts: tuple[int, ...]  # 0-based column where each line of `text` begins in the body
    token_index: int  # the inline token in Document.tokens
    breaks: tuple[int, ...] = ()  # offsets of the line breaks in `text`

    def locate(self, offset: int) -> tuple[int, int]:
        """0-based body line and column of an offset into `text`."""
        row = bisect_left(self.breaks, offset)
        col = offset - (self.breaks[row - 1] + 1 if row else 0)
        start = self.starts[row] if row < len(self.starts) else 0
        return self.first + row, start + col


# check_post and check_links usually run one after the other on the same post; parsing is
# the costly part, so the last document is kept. Identity, not equality: posts that compare
# equal may still differ in meta_lines and extra, which rules read.
_last_document: list[Document] = []


def document_for(post: Post, blocks: CommonMarkBlocks | None = None) -> Document:
    """The parsed document of a post, reused while the same post object is checked.

    `blocks`, the renderer's block tokens of the post's body, spare parsing it again.
    """
    if _last_document and _last_document[0].post is post:
        return _last_document[0]
    document = Document(post, blocks)
    _last_document[:] = [document]
    return document


class Document:
    """A post's body: its lines, markdown-it block tokens and inline spans outside code.

    The inline tokens' `children` are not this parser's: read them with `inline_children`.
    """

    def __init__(self, post: Post, blocks: CommonMarkBlocks | None = None) -> None:
        self.post = post
        self.body = re.sub(r"\r\n?", "\n", post.body)
        self.lines: tuple[str, ...] = tuple(self.body.split("\n"))
        # The lines as the writer wrote them: a text post's own lines, which its Markdown
        # `lines` restate one for one with block markers and escapes added.
        self.text_lines = self.lines
        if post.text_body is not None:
            self.text_lines = tuple(re.sub(r"\r\n?", "\n", post.text_body).split("\n"))
        self.tokens: Sequence[Token]
        self._references: Mapping[str, Any]
        if blocks is not None and blocks.source == post.body:
            self.tokens, self._references = blocks.tokens, blocks.references
        else:
            env: dict[str, Any] = {}
            self.tokens = _BLOCK_PARSER.parse(self.body, env)
            self._references = env.get("references", {})
        self._children: dict[int, list[Token]] = {}
        self._written: dict[int, list[int]] = {}
        self.code_lines = frozenset(self._code_lines())
        self.spans: tuple[Span, ...] = tuple(self._spans())
        self._top_blocks: list[int] | None = None

    @property
    def is_text(self) -> bool:
        """True for a post written as plain text, where scraped-page rules apply."""
        return self.post.source_format == "text"

    def file_line(self, index: int) -> int:
        """The file's 1-based line for a 0-based body line."""
        return self.post.body_line + index

    def hit(self, rule: str, index: int, col: int, message: str) -> Hit:
        """A hit at a 0-based body line and a 0-based column of its Markdown (`lines`)."""
        return self.text_hit(rule, index, self.text_column(index, col), message)

    def text_hit(self, rule: str, index: int, col: int, message: str) -> Hit:
        """A hit at a 0-based body line and a 0-based column of `text_lines`."""
        return Hit(rule, self.file_line(index), col + 1, message)

    def text_column(self, index: int, col: int) -> int:
        """The column of `text_lines[index]` that a column of `lines[index]` shows."""
        if self.text_lines is self.lines or index >= min(len(self.lines), len(self.text_lines)):
            return col
        columns = self._written.get(index)
        if columns is None:
            columns = written_columns(self.lines[index], self.text_lines[index])
            self._written[index] = columns
        return column_at(columns, col)

    def span_hit(self, rule: str, span: Span, offset: int, message: str) -> Hit:
        """A hit at an offset into a span's text."""
        index, col = span.locate(offset)
        return self.hit(rule, index, col, message)

    def block_hit(self, rule: str, token: Token, message: str) -> Hit:
        """A hit at the first non-blank character of a block token's first line."""
        index = token.map[0] if token.map else 0
        line = self.lines[index] if index < len(self.lines) else ""
        return self.hit(rule, index, len(line) - len(line.lstrip()), message)

    def in_code(self, token: Token) -> bool:
        """True for a block that starts inside code (a fence or a Jekyll highlight region)."""
        return token.map is not None and token.map[0] in self.code_lines

    def inline_children(self, index: int) -> list[Token]:
        """The inline tokens of the inline token at `index`, as CommonMark parses them."""
        if index not in self._children:
            content = self.tokens[index].content
            if too_dense(_PARSER, content):  # the renderer shows it as text, and so do rules
                self._children[index] = [Token("text", "", 0, content=content)]
            else:
                env = {"references": dict(self._references)}
                parsed = _PARSER.parseInline(content, env)
                self._children[index] = parsed[0].children or []
        return self._children[index]

    def top_blocks(self) -> list[int]:
        """Indexes of top-level tokens that open or form a block; HTML comments left out."""
        if self._top_blocks is None:
            self._top_blocks = [
                index
                for index, token in enumerate(self.tokens)
                if token.level == 0
                and token.nesting >= 0
                and not (token.type == "html_block" and _is_comment(token.content))
            ]
        return self._top_blocks

    def is_heading(self, index: int) -> bool:
        """True for a heading_open token outside code regions."""
        token = self.tokens[index]
        return token.type == "heading_open" and not self.in_code(token)

    def _code_lines(self) -> set[int]:
        lines: set[int] = set()
        for token in self.tokens:
            if token.type in ("fence", "code_block") and token.map:
                lines.update(range(*token.map))
        # Jekyll's {% highlight %} holds code that Markdown parses as paragraphs.
        if "{%" not in self.body:
            return lines  # no Liquid tag, so no highlight region
        inside = False
        for index, line in enumerate(self.lines):
            if not inside and _HIGHLIGHT_OPEN.search(line):
                inside = not _HIGHLIGHT_CLOSE.search(line)
            elif inside:
                if _HIGHLIGHT_CLOSE.search(line):
                    inside = False
                else:
                    lines.add(index)
        return lines

    def _spans(self) -> list[Span]:
        spans: list[Span] = []
        tokens, code_lines = self.tokens, self.code_lines
        blocks = []
        for index, token in enumerate(tokens):
            if token.type != "inline" or not token.map or index == 0:
                continue
            opener = tokens[index - 1].type
            block = _BLOCK_OF.get(opener, "cell" if opener in ("th_open", "td_open") else "")
            if block:
                blocks.append((block, index, token))
        masker = Masker(token.content for _, _, token in blocks)
        for block, index, token in blocks:
            assert token.map is not None
            first = token.map[0]
            text = token.content
            parts = text.split("\n")
            in_code = (
                [row for row in range(len(parts)) if first + row in code_lines]
                if code_lines
                else []
            )
            if len(in_code) == len(parts):
                continue  # code inside a Jekyll highlight region, parsed as Markdown
            starts = tuple(self._column_of(first + row, part) for row, part in enumerate(parts))
            markup = masker.mask(text, liquid=False, html=False)
            offsets = [0]
            for part in parts:
                offsets.append(offsets[-1] + len(part) + 1)
            if in_code:
                rows = [(offsets[row], offsets[row] + len(parts[row])) for row in in_code]
                markup = blank_spans(markup, rows)
            breaks = tuple(end - 1 for end in offsets[1:-1])
            prose = masker.mask(markup)
            spans.append(Span(block, text, markup, prose, first, starts, index, breaks))
        return spans

    def _column_of(self, index: int, part: str) -> int:
        if index >= len(self.lines) or not part:
            return 0
        found = self.lines[index].find(part)
        return max(found, 0)


def written_column(markdown: str, written: str, col: int) -> int:
    """The column of a text line that shows the character at `col` of its Markdown."""
    return column_at(written_columns(markdown, written), col)


def column_at(columns: list[int], col: int) -> int:
    """`columns[col]`, or past the line's end as far past the text line's end."""
    return columns[col] if col < len(columns) else columns[-1] + col - len(columns) + 1


def written_columns(markdown: str, written: str) -> list[int]:
    """For each column of a text post's Markdown line (and one past its end), the column
    of the text line that shows it.

    A text post's Markdown line is the text line stripped, escaped with backslashes and
    led by a block marker ('## ', '- ', '1. '), so both end alike: walk back from the
    end once, letting each escaping backslash stand for the character it escapes. A
    column in the block marker is the text's first character.
    """
    first = len(written) - len(written.lstrip())
    m, w = len(markdown) - 1, len(written.rstrip()) - 1
    columns = [first] * (len(markdown) + 1)
    columns[len(markdown)] = w + 1 if w >= first else first
    while m >= 0:
        if w >= first and markdown[m] == written[w]:
            columns[m] = w
            m, w = m - 1, w - 1
        elif markdown[m] == "\\":
            columns[m] = w + 1
            m -= 1
        else:
            break  # the block marker the conversion put before the text
    return columns


def _is_comment(html: str) -> bool:
    text = html.strip()
    return text.startswith("<!--") and text.endswith("-->")


def heading_level(token: Token) -> int:
    """The level of a heading_open token: 1 for h1 and so on."""
    return int(token.tag[1:])
