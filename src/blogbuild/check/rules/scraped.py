"""Debris of a scraped web page in plain-text posts: link labels, tag lines, flattened tables.

A plain-text post keeps the page's lines as they were, so these rules read the lines as
written (`Document.text_lines`), not the Markdown the loader makes of them: that turns
adjacent lines into list items and short ones into headings, which hides what they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from blogbuild.check.chrome import ANYWHERE, TAGS, WHAT, is_tag_line, kind_of
from blogbuild.check.document import Document
from blogbuild.check.findings import Hit
from blogbuild.check.prose import comparable

# Code, math, markup and tables that keep their separators are no flattened table.
_CODE_MARKS = re.compile(r"[{};=<>$\\|`\[\]]|^\s{2,}")
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪‣◦*+-]|\d{1,3}[.)])\s")
_SENTENCE_END = tuple(".!?…:;")
_PUNCTUATION = re.compile(r"[.,;:!?…]")
_TAG_LINE_WORDS = 8
_SHORT_LINE_WORDS = 6
_MIN_TABLE_LINES = 3


def _short(line: str) -> bool:
    return len(line.split()) <= _SHORT_LINE_WORDS and not line.rstrip().endswith(_SENTENCE_END)


@dataclass(frozen=True, slots=True)
class PageDebris:
    """What one plain-text post carries from its page, by 0-based body line."""

    lines: dict[int, str]  # debris line -> why
    tables: list[tuple[int, int]]  # (first line, line count) of flattened tables
    tail_start: int | None  # where the page chrome after the article begins


def find_debris(doc: Document) -> PageDebris:
    """Scan a plain-text post's lines for page chrome and flattened tables."""
    lines = doc.text_lines
    filled = [i for i, line in enumerate(lines) if line.strip()]
    debris: dict[int, str] = {}
    tail_start = _tail(lines, filled, debris)
    _head(doc, filled, debris)
    tables = _tables(lines, set(debris))
    in_table = {i for first, count in tables for i in range(first, first + count)}
    # Pages put their chrome above and below the article: there, a line of any kind of
    # chrome is the page's; inside the article only the kinds no article says alone are.
    edges = set(filled[:_HEAD_LINES])
    for index in filled:
        if index in debris or index in in_table:
            continue
        kind = kind_of(lines[index])
        if kind is not None and (index in edges or kind in ANYWHERE):
            debris[index] = _why(lines[index], kind)
    return PageDebris(debris, tables, tail_start)


def _why(line: str, kind: str) -> str:
    shown = " ".join(line.split())
    shown = shown if len(shown) <= 50 else shown[:49] + "…"
    return f"'{shown}' is {WHAT[kind]} from the scraped page; delete the line"


_AFTER_END = "page chrome after the article's end (a related title or link); delete the line"


def _tail(lines: tuple[str, ...], filled: list[int], debris: dict[int, str]) -> int | None:
    """Chrome after the article: the lines from its first chrome line on, when every one
    after it is chrome or a short line (a related post's title, a tag, a date)."""
    run = []
    for index in reversed(filled):
        line = lines[index].strip()
        if kind_of(line) is None and not (is_tag_line(line) or _short(line)):
            break
        run.append(index)
    run.reverse()
    # A line of the page ("Подробнее", "Оцените статью") starts its chrome; short lines
    # only follow it, as an article's list of titles would end it too.
    labelled = [i for i in run if kind_of(lines[i]) is not None]
    if not labelled:
        return None
    for index in run[run.index(labelled[0]) :]:
        kind = kind_of(lines[index])
        if kind is not None:
            debris[index] = _why(lines[index], kind)
        elif is_tag_line(lines[index].strip()):
            debris[index] = _why(lines[index], TAGS)
        else:
            debris[index] = _AFTER_END
    return labelled[0]


# The title is repeated within the first lines of a scraped page, after its section label.
_HEAD_LINES = 4


def _head(doc: Document, filled: list[int], debris: dict[int, str]) -> None:
    title = comparable(doc.post.title)
    head = filled[:_HEAD_LINES]
    lines = doc.text_lines
    for position, index in enumerate(head):
        # The page repeats the title as a line of its own, not as an item of a list.
        alone = all(not _line(lines, i).strip() for i in (index - 1, index + 1))
        if alone and comparable(lines[index]) == title:
            for before in head[:position]:
                if _short(doc.text_lines[before]):
                    debris[before] = (
                        "page chrome (a section label) before the article's title; delete the line"
                    )
            return


def _line(lines: tuple[str, ...], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _tables(lines: tuple[str, ...], claimed: set[int]) -> list[tuple[int, int]]:
    """Runs of 3+ adjacent lines that read as a header row and its rows, flattened."""
    tables = []
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        stripped = line.strip()
        if stripped and index not in claimed and not _LIST_ITEM.match(line):
            run.append(index)
            continue
        rows = [lines[i] for i in run]
        if len(run) >= _MIN_TABLE_LINES and _looks_tabular(rows):
            before = [line for line in lines[max(run[0] - 3, 0) : run[0]] if line.strip()]
            announced = bool(before) and bool(_TABLE_WORD.search(before[-1]))
            if announced or _same_shape(rows):
                tables.append((run[0], len(run)))
        run = []
    return tables


# A header row names its columns: capitalised words, most of them.
_MIN_HEADER_WORDS = 3
_HEADER_SHARE = 0.7


# The article says a table follows: "в следующей таблице", "the table below".
_TABLE_WORD = re.compile(r"таблиц|\btables?\b", re.I)


def _same_shape(rows: list[str]) -> bool:
    """Rows of one cell per word, as many as the header's, with numbers in each row."""
    width = len(rows[0].split())
    if any(len(row.split()) != width for row in rows):
        return False
    return all(any(c.isdigit() for c in row) for row in rows[1:])


def _looks_tabular(rows: list[str]) -> bool:
    """A header of capitalised column names, then rows with a cell per column at least.

    Hard-wrapped prose continues in lower case; code, math and tables that kept their
    separators have marks no flattened row has; a list of titles has short, uneven rows.
    """
    if any(_CODE_MARKS.search(row) for row in rows):
        return False
    rows = [row.strip() for row in rows]
    if any(row[:1].islower() or row.endswith(_SENTENCE_END) for row in rows):
        return False
    header = rows[0].split()
    if not any(word[:1].isalpha() for word in header):
        return False  # a grid of numbers: a matrix, kept in its columns
    capitalised = sum(word[:1].isupper() or word[:1].isdigit() for word in header)
    if len(header) < _MIN_HEADER_WORDS or capitalised < _HEADER_SHARE * len(header):
        return False
    if _PUNCTUATION.search(rows[0]):
        return False
    return all(len(row.split()) >= len(header) for row in rows[1:])


def scrape_debris(doc: Document) -> Iterator[Hit]:
    """Lines of a plain-text post that came from the page around the article."""
    if not doc.is_text:
        return
    for index, why in sorted(find_debris(doc).lines.items()):
        yield doc.text_hit("scrape-debris", index, _indent(doc.text_lines[index]), why)


def flattened_table(doc: Document) -> Iterator[Hit]:
    """Runs of lines in a plain-text post that were a table's rows or cells."""
    if not doc.is_text:
        return
    for first, count in find_debris(doc).tables:
        message = f"{count} lines look like a table flattened into text; restore the table"
        yield doc.text_hit("flattened-table", first, _indent(doc.text_lines[first]), message)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


CHECKS = {"scrape-debris": scrape_debris, "flattened-table": flattened_table}
