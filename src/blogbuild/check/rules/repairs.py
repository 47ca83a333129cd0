"""Certain repairs for findings a machine can fix: each rule's edits to the source lines.

An edit replaces a stretch of one file line, or deletes whole lines; it is made only where
the rule's finding is, on prose the rule read (never code, math, URLs or front matter),
and only when the repair leaves nothing to judge.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from blogbuild.check.document import Document, Span
from blogbuild.check.findings import Edit
from blogbuild.check.rules.scraped import find_debris
from blogbuild.check.rules.scripts import WORD, mixed_script_word_problem
from blogbuild.check.rules.structure import (
    HASHES,
    adjacent_duplicates,
    bold_heading_text,
    headings,
    repeated_titles,
)

Repair = Callable[[Document], Iterable[Edit]]


def _span_lines(doc: Document, span: Span) -> range:
    """The file lines a block's text takes (a setext heading's underline included)."""
    token = doc.tokens[span.token_index - 1]
    first, end = token.map if token.map else (span.first, span.first + 1)
    return range(doc.file_line(first), doc.file_line(end))


def _replace(doc: Document, rule: str, span: Span, offset: int, old: str, new: str) -> Edit:
    index, col = span.locate(offset)
    col = doc.text_column(index, col)
    return Edit(rule, doc.file_line(index), col, col + len(old), new, old)


def mixed_script_word(doc: Document) -> Iterator[Edit]:
    """Look-alike letters become the letters of the word's own script."""
    for span in doc.spans:
        for match in WORD.finditer(span.prose):
            problem = mixed_script_word_problem(match.group())
            if problem is None or problem[1] is None:
                continue
            word = match.group()
            if "\n" in word or span.text[match.start() : match.end()] != word:
                continue
            yield _replace(doc, "mixed-script-word", span, match.start(), word, problem[1])


def h1_repeats_title(doc: Document) -> Iterator[Edit]:
    """The body's repeat of the title is removed: the page shows the title already."""
    for span in repeated_titles(doc):
        yield Edit.delete("h1-repeats-title", _span_lines(doc, span))


def duplicate_heading(doc: Document) -> Iterator[Edit]:
    """Of the same heading twice in a row, one goes: the upper level's, or the second.

    The deeper one is the level of what follows (the sub-headings under it), so keeping
    it leaves the outline without a jump.
    """
    for first, second in adjacent_duplicates(doc):
        dropped = first if first.level < second.level else second
        yield Edit.delete("duplicate-heading", _span_lines(doc, dropped.span))


_STRAY = re.compile(r"#+[ \t]*")


def heading_stray_hash(doc: Document) -> Iterator[Edit]:
    """'## # Title' loses the '#' that shows."""
    for heading in headings(doc):
        text = heading.span.text
        stripped = text.lstrip()
        match = HASHES.match(stripped)
        if not match or doc.is_text:
            continue
        offset = len(text) - len(stripped)
        old = _STRAY.match(stripped)
        assert old is not None
        yield _replace(doc, "heading-stray-hash", heading.span, offset, old.group(), "")


_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_UNDERLINE = re.compile(r"^=+[ \t]*$")


def stray_heading_underline(doc: Document) -> Iterator[Edit]:
    """A line of '=' right under an ATX heading is removed."""
    for span in doc.spans:
        if span.block != "paragraph" or not _UNDERLINE.match(span.text):
            continue
        above = span.first - 1
        if above >= 0 and _ATX.match(doc.lines[above]):
            yield Edit.delete("stray-heading-underline", _span_lines(doc, span))


def bold_pseudo_heading(doc: Document) -> Iterator[Edit]:
    """A bold line alone in its paragraph becomes a heading one level under the last one.

    A bold line right above another one is its parent: the lower one goes a level
    deeper, so that the upper one does not become an empty section.
    """
    found = list(bold_heading_text(doc))
    rows = {span.first for span, _ in found}
    levels = [(heading.span.first, heading.level) for heading in headings(doc)]
    maps = [doc.tokens[i].map for i in doc.top_blocks()]
    starts = [lines[0] for lines in maps if lines]
    previous = dict(zip(starts[1:], starts, strict=False))
    for span, inner in found:
        above = [level for first, level in levels if first < span.first]
        level = (above[-1] if above else 1) + 1
        current = span.first
        while previous.get(current) in rows:
            current = previous[current]
            level += 1
        line = doc.lines[span.first]
        start = len(line) - len(line.lstrip())
        old = line[start:].rstrip()
        new = "#" * min(level, 6) + " " + inner
        col = doc.text_column(span.first, start)
        yield Edit("bold-pseudo-heading", doc.file_line(span.first), col, col + len(old), new, old)


def scrape_debris(doc: Document) -> Iterator[Edit]:
    """A text post's page chrome lines are removed."""
    if not doc.is_text:
        return
    for index in sorted(find_debris(doc).lines):
        line = doc.file_line(index)
        yield Edit.delete("scrape-debris", range(line, line + 1))


REPAIRS: dict[str, Repair] = {
    "mixed-script-word": mixed_script_word,
    "h1-repeats-title": h1_repeats_title,
    "duplicate-heading": duplicate_heading,
    "heading-stray-hash": heading_stray_hash,
    "stray-heading-underline": stray_heading_underline,
    "bold-pseudo-heading": bold_pseudo_heading,
    "scrape-debris": scrape_debris,
}
