"""The article's outline: repeated, broken, jumping and empty headings, and fake ones."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from blogbuild.check.document import Document, Span, heading_level
from blogbuild.check.findings import Hit
from blogbuild.check.prose import comparable, unescape


@dataclass(frozen=True, slots=True)
class Heading:
    opener: int  # index of heading_open in doc.tokens
    level: int
    span: Span
    line: int  # file line


# Four rules walk the outline of the same document one after the other.
_last_headings: list[tuple[Document, list[Heading]]] = []


def headings(doc: Document) -> list[Heading]:
    """The top-level headings of the article's outline, in order."""
    if _last_headings and _last_headings[0][0] is doc:
        return _last_headings[0][1]
    found = []
    for span in doc.spans:
        opener = doc.tokens[span.token_index - 1]
        if span.block != "heading" or opener.level != 0:
            continue
        if not span.prose.strip() and "<" in span.text:
            continue  # '## <a id="x"></a>': an anchor for what follows, not a section
        if doc.is_text and not _reads_as_title(_line(doc.text_lines, span.first)):
            continue  # a text post's short line made a heading, but it is code or a label
        level = heading_level(opener)
        found.append(Heading(span.token_index - 1, level, span, doc.file_line(span.first)))
    _last_headings[:] = [(doc, found)]
    return found


# A text post's headings are guessed from short lines; a title starts with a capital or a
# digit, unindented, and holds none of the marks of code.
_TITLE_START = re.compile(r"^[^\W_]")
_CODE_MARKS = re.compile(r"[{}();=<>$\\|`\[\]]")


def _line(lines: tuple[str, ...], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _reads_as_title(line: str) -> bool:
    if not _TITLE_START.match(line) or _CODE_MARKS.search(line) or "  " in line.strip():
        return False  # code, or columns aligned with spaces
    if not any(c.islower() for c in line):
        return False  # 'END SUB', 'NEXT': keywords of code in capitals
    return line[0].isupper() or line[0].isdigit()


def _next_block(blocks: list[int], opener: int) -> int | None:
    """The top-level block after a heading (its inline and closing tokens are not blocks)."""
    position = bisect_right(blocks, opener)
    return blocks[position] if position < len(blocks) else None


HASHES = re.compile(r"^#+\s*")


def _plain(text: str) -> str:
    """Heading text without emphasis, stray hashes or case, punctuation kept."""
    text = HASHES.sub("", re.sub(r"[*_`]", "", text).strip())
    return " ".join(text.casefold().replace("ё", "е").split()).rstrip(" .:")


def _restates(upper: str, lower: str) -> bool:
    """True when one heading is the other cut at punctuation: 'X: more' then 'X'."""
    short, long = sorted((upper, lower), key=len)
    if not short or short == long or not long.startswith(short):
        return False
    return long[len(short) :].lstrip()[:1] in (":", ",", ".", "—", "–", "-", "(")


def duplicate_heading(doc: Document) -> Iterator[Hit]:
    """Headings whose text repeats an earlier heading, or restates the one right above."""
    if doc.is_text:
        yield from _text_repeats(doc)
        return
    seen: dict[str, list[tuple[int, int, int]]] = {}  # key -> (level, parent line, line)
    parallel = _parallel_keys(doc)
    blocks = doc.top_blocks()
    previous: Heading | None = None
    parents: list[Heading] = []
    for heading in headings(doc):
        key = _key(heading)
        adjacent = previous is not None and _next_block(blocks, previous.opener) == heading.opener
        while parents and parents[-1].level >= heading.level:
            parents.pop()
        parent = parents[-1].line if parents else 0
        parents.append(heading)
        # Sub-headings said again at their level under other parents, when the outline
        # does so for two of them or more, are its pattern ('Model Workflow' and 'Loss
        # Function' under each model); anything else said again repeats.
        earlier = next(
            (
                line
                for level, above, line in seen.get(key, ())
                if level != heading.level or above == parent or level <= 2 or key not in parallel
            ),
            None,
        )
        if earlier is not None:
            message = f"repeats the heading on line {earlier}; merge the two sections or rename one"
            yield doc.span_hit("duplicate-heading", heading.span, 0, message)
        elif (
            previous is not None
            and adjacent
            and _restates(_plain(previous.span.text), _plain(heading.span.text))
        ):
            message = (
                f"restates the heading on line {previous.line} right above it; keep one of the two"
            )
            yield doc.span_hit("duplicate-heading", heading.span, 0, message)
        if key:
            seen.setdefault(key, []).append((heading.level, parent, heading.line))
        previous = heading


def text_repeats(doc: Document) -> Iterator[tuple[int, int, bool]]:
    """(line, line right above it, same?) for a text post's title-like lines said twice.

    A text post's headings are guessed from short lines, and far apart the same short line
    is as often a caption, a contents entry or a refrain as a heading: only a line that
    says again the one right above it (blank lines between) is certainly a repeat.
    """
    lines = doc.text_lines
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for upper, lower in pairwise(filled):
        first, second = lines[upper].strip(), lines[lower].strip()
        # Headings stand apart: a blank line above, and below the section's longer text
        # or a blank line. Items of a list repeat inside a run of lines.
        below = _line(lines, lower + 1).strip()
        if _line(lines, upper - 1).strip() or (below and len(below) <= len(second)):
            continue
        if len(second) > _TEXT_TITLE_CHARS or not _reads_as_title(second):
            continue
        if not _reads_as_title(first) or len(first) > _TEXT_TITLE_CHARS:
            continue
        same = comparable(first) == comparable(second) != ""
        if same or _restates(_plain(first), _plain(second)):
            yield lower, upper, same


_TEXT_TITLE_CHARS = 120


def _text_repeats(doc: Document) -> Iterator[Hit]:
    for line, above, same in text_repeats(doc):
        verb = "repeats" if same else "restates"
        message = (
            f"{verb} the heading on line {doc.file_line(above)} right above it; keep one of the two"
        )
        yield doc.text_hit("duplicate-heading", line, 0, message)


def _parallel_keys(doc: Document) -> frozenset[str]:
    """Sub-heading texts that recur at one level under different parents, if two or more do."""
    places: dict[tuple[str, int], set[int]] = {}
    parents: list[Heading] = []
    for heading in headings(doc):
        while parents and parents[-1].level >= heading.level:
            parents.pop()
        if parents and heading.level > 2:
            places.setdefault((_key(heading), heading.level), set()).add(parents[-1].line)
        parents.append(heading)
    keys = frozenset(key for (key, _), lines in places.items() if len(lines) > 1)
    return keys if len(keys) > 1 else frozenset()


def _key(heading: Heading) -> str:
    return comparable(HASHES.sub("", heading.span.text.strip()))


def adjacent_duplicates(doc: Document) -> Iterator[tuple[Heading, Heading]]:
    """Pairs of headings with the same text, the second right after the first."""
    blocks = doc.top_blocks()
    previous: Heading | None = None
    for heading in headings(doc):
        if (
            previous is not None
            and _next_block(blocks, previous.opener) == heading.opener
            and _key(heading)
            and _key(heading) == _key(previous)
        ):
            yield previous, heading
            continue  # a third one in a row pairs with the first, which stays
        previous = heading


UNSPACED_HEADING = re.compile(r"^(#{2,6})[^\s#]")


def heading_stray_hash(doc: Document) -> Iterator[Hit]:
    """'## # Title' shows a '#'; '##Title' is not a heading at all."""
    for span in doc.spans:
        stripped = span.text.lstrip()
        if span.block == "heading" and stripped.startswith("#"):
            offset = len(span.text) - len(stripped)
            message = "the heading shows a stray '#'; delete it (check --fix does)"
            yield doc.span_hit("heading-stray-hash", span, offset, message)
        elif span.block == "paragraph" and UNSPACED_HEADING.match(span.text):
            message = (
                "'#' without a space after it is not a heading and shows as text; add the "
                "space (check --fix does)"
            )
            yield doc.span_hit("heading-stray-hash", span, 0, message)


# A paragraph this long is the article's first prose; the title can't follow it.
_LEAD_WORDS = 12
_LEAD_SPANS = 5


def h1_repeats_title(doc: Document) -> Iterator[Hit]:
    """An H1, or a line before the first prose paragraph, that says the title again."""
    message = (
        "repeats the post title, which the page already shows as its heading; delete the line "
        "(check --fix does)"
    )
    for span in repeated_titles(doc):
        yield doc.span_hit("h1-repeats-title", span, 0, message)


def repeated_titles(doc: Document) -> Iterator[Span]:
    """The H1s, and lines before the first prose paragraph, that are the title again.

    A line that says the title but is the author's own is left alone: a link (a link
    post names what it links to), a quotation or its attribution, and the post's only
    text, which the page would show empty without.
    """
    title = comparable(doc.post.title)
    if not title:
        return
    reported: set[int] = set()
    # The post's only text stays, or the page would show nothing under the title.
    alone = sum(1 for span in doc.spans if span.prose.strip()) <= 1
    if alone:
        return
    for heading in headings(doc):
        if heading.level == 1 and comparable(heading.span.text) == title:
            reported.add(heading.span.first)
            yield heading.span
    for position, span in enumerate(doc.spans[:_LEAD_SPANS]):
        if span.block == "cell" or doc.tokens[span.token_index].level > 1:
            continue
        if comparable(span.text) == title and span.first not in reported:
            following = doc.spans[position + 1] if position + 1 < len(doc.spans) else None
            if not _authors_line(span, following):
                yield span
        if span.block == "paragraph" and len(comparable(span.text).split()) > _LEAD_WORDS:
            return


# A quotation opens with a quote mark; its attribution follows it with a dash.
_QUOTE_OPENING = tuple("«“„\"'‘>")
_DASH_OPENING = re.compile(r"^\s*(?:[—–~]|--|-\s)")
# A link, autolink or bare address: what a link post is about.
_LINK_MARK = re.compile(r"\]\(|\]\[|<https?:|https?://")


def _authors_line(span: Span, following: Span | None) -> bool:
    """True for a title-like line that is a link, a quotation or a quotation's credit."""
    text = span.text.strip().lstrip("*_ ")
    if _LINK_MARK.search(span.text) or text.startswith(_QUOTE_OPENING):
        return True
    if _DASH_OPENING.match(span.text):
        return True  # '— Title', the source of the quotation above
    return following is not None and bool(_DASH_OPENING.match(following.text))


# Longer bold lines are emphasised sentences (a source credit, a warning), not titles.
_MAX_PSEUDO_HEADING_WORDS = 12


_OPENS_BOLD = ("**", "__", "&")
# A title opens with a word, a number or math ('$$k$$-Sparse'), not code or dashes.
_TITLE_OPENING = re.compile(r"[^\W_]|\$")
_CLOSES_BOLD = ("**", "__", ";")


def bold_pseudo_heading(doc: Document) -> Iterator[Hit]:
    """A one-line paragraph that is all bold and reads like a title, not a sentence."""
    for span, inner in _bold_lines(doc):
        shown = inner if len(inner) <= 60 else inner[:59] + "…"
        message = f"bold line '{shown}' poses as a heading; make it a Markdown heading (## …)"
        message = unescape(message)
        yield doc.span_hit("bold-pseudo-heading", span, 0, message)


def bold_heading_text(doc: Document) -> Iterator[tuple[Span, str]]:
    """Bold pseudo-headings that are the bold text alone ('**Обзор**'), with that text."""
    for span, inner in _bold_lines(doc):
        text = span.text.strip()
        if text[:2] == text[-2:] and text[2:-2].strip() == inner:
            yield span, inner


# An image paragraph, a figure shortcode or HTML showing a picture, a video or a frame.
_MEDIA = re.compile(
    r"^\s*(?:!\[|\[!\[|\{\{[<%]\s*(?:figure|img|image|youtube|vimeo)\b|<(?:img|figure|iframe|video|picture)\b)",
    re.I,
)


def _follows_media(doc: Document, opener: int) -> bool:
    blocks = doc.top_blocks()
    position = bisect_left(blocks, opener)
    if position == 0:
        return False
    before = doc.tokens[blocks[position - 1]]
    if before.type == "paragraph_open":
        before = doc.tokens[blocks[position - 1] + 1]
    return bool(_MEDIA.match(before.content))


def _bold_lines(doc: Document) -> Iterator[tuple[Span, str]]:
    for span in doc.spans:
        token = doc.tokens[span.token_index]
        if span.block != "paragraph" or token.level != 1 or "\n" in span.text:
            continue
        # Only text that reads as space (an entity such as &nbsp;) can come before the
        # bold's opening '**' or after its closing one: parse no other paragraph.
        if not (span.text.startswith(_OPENS_BOLD) and span.text.endswith(_CLOSES_BOLD)):
            continue
        children = [
            c
            for c in doc.inline_children(span.token_index)
            if not (c.type == "text" and not c.content.strip())
        ]
        if len(children) < 3 or children[0].type != "strong_open":
            continue
        if children[-1].type != "strong_close":
            continue
        if sum(c.type == "strong_open" for c in children) != 1:
            continue
        inner = span.text.strip()[2:-2].strip()
        if not inner or len(inner.split()) > _MAX_PSEUDO_HEADING_WORDS or inner[-1] in ".;,…!":
            continue  # a sentence in bold: a warning, a credit, an exclamation
        if "](" in inner or not _TITLE_OPENING.match(inner):
            continue  # a link line (a sponsor, a source), code, or a decorated separator
        if _follows_media(doc, span.token_index - 1):
            continue  # a caption: the credit of the picture above ('Courbet, The Winnowers')
        yield span, inner


def heading_level_jump(doc: Document) -> Iterator[Hit]:
    """A heading more than one level deeper than the heading before it."""
    previous = None
    for heading in headings(doc):
        if previous is not None and heading.level > previous.level + 1:
            message = (
                f"h{heading.level} follows h{previous.level} on line {previous.line}; make it "
                f"h{previous.level + 1}"
            )
            yield doc.span_hit("heading-level-jump", heading.span, 0, message)
        previous = heading


def empty_section(doc: Document) -> Iterator[Hit]:
    """A heading followed by a heading of the same or higher level, or by nothing."""
    blocks = doc.top_blocks()
    for heading in headings(doc):
        following = _next_block(blocks, heading.opener)
        if not heading.span.text.strip(" #*_"):
            message = "an empty heading, with no text; delete it or give it its title"
            yield doc.span_hit("empty-section", heading.span, 0, message)
            continue
        if following is None:
            message = "the post ends at this heading; write its section or delete the heading"
            yield doc.span_hit("empty-section", heading.span, 0, message)
            continue
        token = doc.tokens[following]
        if doc.is_heading(following) and heading_level(token) <= heading.level:
            line = doc.file_line(token.map[0]) if token.map else heading.line
            message = (
                f"the section is empty: the next heading (line {line}) follows directly; "
                "write the section or delete the heading"
            )
            yield doc.span_hit("empty-section", heading.span, 0, message)


_UNDERLINE = re.compile(r"^=+\s*$")


def stray_heading_underline(doc: Document) -> Iterator[Hit]:
    """A paragraph of '=' only: a setext underline left after an ATX heading."""
    for span in doc.spans:
        if span.block == "paragraph" and _UNDERLINE.match(span.text):
            message = "a line of '=' under no heading text shows as text; delete it"
            yield doc.span_hit("stray-heading-underline", span, 0, message)


CHECKS = {
    "duplicate-heading": duplicate_heading,
    "heading-stray-hash": heading_stray_hash,
    "h1-repeats-title": h1_repeats_title,
    "bold-pseudo-heading": bold_pseudo_heading,
    "heading-level-jump": heading_level_jump,
    "empty-section": empty_section,
    "stray-heading-underline": stray_heading_underline,
}
