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
    UNSPACED_HEADING,
    Heading,
    adjacent_duplicates,
    bold_heading_text,
    headings,
    repeated_titles,
    text_repeats,
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
    """Of the same heading twice in a row, the second goes; the first takes the upper level.

    The upper level (below h1, the title's, unless both are h1) keeps the section beside
    its siblings rather than under the section before it. Where the sub-headings that
    follow would then skip a level, which of the two levels was meant is not certain:
    the finding is reported, not repaired.
    """
    if doc.is_text:
        for line, _, same in text_repeats(doc):
            if same:
                number = doc.file_line(line)
                yield Edit.delete("duplicate-heading", range(number, number + 1))
        return
    pairs = list(adjacent_duplicates(doc))
    if not pairs:
        return
    dropped = {second.opener for _, second in pairs}
    outline = [h for h in _remaining_outline(doc) if h.opener not in dropped]
    position = {h.opener: i for i, h in enumerate(outline)}
    for first, second in pairs:
        # h1 is the level of the page's title: a section takes it only if both said so.
        level = min(
            level
            for level in (first.level, second.level)
            if level > 1 or first.level == second.level == 1
        )
        at = position.get(first.opener)
        if at is None:
            continue  # the first is the title again, which its own repair removes
        after = outline[at + 1].level if at + 1 < len(outline) else None
        if after is not None and after > level + 1:
            continue
        marker = _ATX_MARKER.match(doc.lines[first.span.first])
        if level != first.level and (doc.is_text or marker is None):
            continue  # a setext heading, or a text post's guessed one: no level to change
        yield Edit.delete("duplicate-heading", _span_lines(doc, second.span))
        if level != first.level and marker is not None:
            line, col = doc.file_line(first.span.first), marker.start(1)
            old = marker.group(1)
            yield Edit("duplicate-heading", line, col, col + len(old), "#" * level, old)


_ATX_MARKER = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")


def _remaining_outline(doc: Document) -> list[Heading]:
    """The headings that stay when the title's repeat at the top goes."""
    removed = {span.first for span in repeated_titles(doc)}
    return [h for h in headings(doc) if h.span.first not in removed]


_STRAY = re.compile(r"#+[ \t]*")


def heading_stray_hash(doc: Document) -> Iterator[Edit]:
    """'## # Title' loses the '#' that shows; '##Title' gets the space it lacks."""
    if doc.is_text:
        return
    for heading in headings(doc):
        text = heading.span.text
        stripped = text.lstrip()
        match = HASHES.match(stripped)
        if not match:
            continue
        offset = len(text) - len(stripped)
        old = _STRAY.match(stripped)
        assert old is not None
        yield _replace(doc, "heading-stray-hash", heading.span, offset, old.group(), "")
    for span in doc.spans:
        if span.block != "paragraph" or "\n" in span.text:
            continue
        unspaced = UNSPACED_HEADING.match(span.text)
        if unspaced is not None:
            hashes = unspaced.group(1)
            yield _replace(doc, "heading-stray-hash", span, 0, hashes, hashes + " ")


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
    removed = {span.first for span in repeated_titles(doc)}
    found = [(span, inner) for span, inner in bold_heading_text(doc) if span.first not in removed]
    rows = {span.first for span, _ in found}
    levels = [(heading.span.first, heading.level) for heading in _remaining_outline(doc)]
    maps = [doc.tokens[i].map for i in doc.top_blocks()]
    starts = [lines[0] for lines in maps if lines and lines[0] not in removed]
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
