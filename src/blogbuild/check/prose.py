"""Blank out the parts of inline Markdown that are not prose, keeping every offset.

Text rules look for words; code spans, URLs, math, raw HTML and template tags hold
characters that only look like defects. Masking replaces them with spaces (newlines
stay) so a match in the masked text has the same offset as in the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

# Patterns start with a literal or a character class where they can: `re` then skips
# ahead to where a match may start instead of trying every position ("``*", not "`+").
_BACKTICKS = re.compile(r"``*")
# Delimited spans (display math, \(…\), \[…\], Liquid, HTML comments) are paired by
# `delimited`, in one pass: a regular expression such as "\\(.+?\\)" would scan to the
# end of the text from each of many unclosed openers.
DISPLAY_MATH = (("$$", "$$", 1), ("\\(", "\\)", 1), ("\\[", "\\]", 1))
INLINE_MATH = re.compile(r"(?<![\\$\w])\$(?=\S)[^$\n]+?(?<=\S)\$(?![\w$])")  # $x$, not "$5 and $10"
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")
HTML_COMMENT = (("<!--", "-->", 0),)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]{0,31}://|\bwww\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]", re.I)
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+\b")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});", re.I)
# Classes stop at the next opener of their kind and lengths are bounded, so that text of
# many unclosed openers is read once, not once from each.
_LINK_DEST = re.compile(r"\]\(")
_REF_LABEL = re.compile(r"\]\[[^\[\]\n]*\]")
_IAL = re.compile(r"\{:[^{}\n]*\}")  # kramdown attribute lists: {: .class}
LIQUID = (("{%", "%}", 0), ("{{", "}}", 0))


def delimited(text: str, pairs: tuple[tuple[str, str, int], ...]) -> list[tuple[int, int]]:
    """Spans of `opener … closer` (at least `inner` characters between), leftmost first.

    What `opener.+?closer` finds for each pair, as one alternation, in linear time: once
    an opener has no closer after it, no later opener of its kind has one either.
    """
    found: list[tuple[int, int]] = []
    live = [pair for pair in pairs if pair[0] in text]
    # Each pair's next span, kept until the search passes its start: a pair whose next
    # opener is far ahead is not searched for again after each span of another pair.
    ahead: dict[tuple[str, str, int], tuple[int, int]] = {}
    position = 0
    while live:
        best: tuple[int, int] | None = None
        for pair in list(live):
            span = ahead.get(pair)
            if span is None or span[0] < position:
                opener, closer, inner = pair
                start = text.find(opener, position)
                end = text.find(closer, start + len(opener) + inner) if start >= 0 else -1
                if end < 0:
                    live.remove(pair)
                    continue
                span = ahead[pair] = (start, end + len(closer))
            if best is None or span[0] < best[0]:
                best = span
        if best is None:
            break
        found.append(best)
        position = best[1]
    return found


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each of the (ordered, disjoint) spans replaced by spaces."""
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], spaces_for(text[start:end])]
        last = end
    return "".join([*pieces, text[last:]])


_NOT_NEWLINE = re.compile(r"[^\n]")


def spaces_for(text: str) -> str:
    """As many spaces as `text` has characters, its newlines kept."""
    if "\n" not in text:
        return " " * len(text)
    return _NOT_NEWLINE.sub(" ", text)


def blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, newlines kept."""
    return text[:start] + spaces_for(text[start:end]) + text[end:]


def _blank_all(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda match: spaces_for(match.group()), text)


def _blank_delimited(text: str, pairs: tuple[tuple[str, str, int], ...]) -> str:
    return blank_spans(text, delimited(text, pairs))


def mask_code(text: str) -> str:
    """Blank code spans: a run of N backticks up to the next run of exactly N."""
    runs = [match.span() for match in _BACKTICKS.finditer(text)]
    # For each width, the indexes (into `runs`) of the runs that have it, in order.
    by_width: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_width.setdefault(end - start, []).append(index)
    pieces, last, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        same = by_width[end - start]
        after = bisect_right(same, index)
        if after == len(same):
            index += 1  # an unmatched run of backticks is literal text
            continue
        closing = same[after]
        close_end = runs[closing][1]
        pieces += [text[last:start], spaces_for(text[start:close_end])]
        last, index = close_end, closing + 1
    if not pieces:
        return text
    return "".join([*pieces, text[last:]])


_PARENS = re.compile(r"[()]")


def _mask_link_destinations(text: str) -> str:
    """Blank the `(url "title")` part of inline links and images, and `[ref]` labels."""
    if "][" in text:
        text = _blank_all(text, _REF_LABEL)
    # A destination runs from the '(' after '](' to the ')' that balances it. One pass
    # pairs every parenthesis; blanking a balanced destination would not change how an
    # enclosing one pairs, so all are found on the text as it is.
    closing: dict[int, int] = {}
    opened: list[int] = []
    for paren in _PARENS.finditer(text):
        if paren.group() == "(":
            opened.append(paren.start())
        elif opened:
            closing[opened.pop()] = paren.end()
    pieces, last = [], 0
    for match in _LINK_DEST.finditer(text):
        start = match.end() - 1
        end = closing.get(start)
        if end is None or end <= last:
            continue  # never closed, or inside a destination already blanked
        start = max(start, last)
        pieces += [text[last:start], spaces_for(text[start:end])]
        last = end
    if not pieces:
        return text
    return "".join([*pieces, text[last:]])


# What each masking step's pattern cannot match without. Without "://" a URL starts with
# "www." in any case, and only "w" and "W" match "w" when case is ignored.
_CODE, _LIQUID, _DOLLAR, _BACKSLASH, _TAG, _LINK, _REF = "`", "{", "$", "\\", "<", "](", "]["
_SCHEME, _WWW, _UPPER_WWW, _AT, _AMP, _IAL_START = "://", "w.", "W.", "@", "&", "{:"
_TRIGGERS = frozenset(
    {_CODE, _LIQUID, _DOLLAR, _BACKSLASH, _TAG, _LINK, _REF}
    | {_SCHEME, _WWW, _UPPER_WWW, _AT, _AMP, _IAL_START}
)


def _mask(text: str, liquid: bool, html: bool, present: frozenset[str]) -> str:
    # A step runs only when `text` holds what its pattern cannot match without: most
    # prose holds none of it, and skipping a step that would change nothing gives the
    # same result as running it. `present` names the triggers worth looking for at all.
    if _CODE in present and _CODE in text:
        text = mask_code(text)
    if liquid and _LIQUID in present and _LIQUID in text:
        text = _blank_delimited(text, LIQUID)
    if (_DOLLAR in present and _DOLLAR in text) or (_BACKSLASH in present and _BACKSLASH in text):
        text = _blank_delimited(text, DISPLAY_MATH)
        if _DOLLAR in text:
            text = _blank_all(text, INLINE_MATH)
    if _TAG in present and _TAG in text:
        text = _blank_all(text, _AUTOLINK)
    if not html:
        return text
    if (_LINK in present and _LINK in text) or (_REF in present and _REF in text):
        text = _mask_link_destinations(text)
    if _TAG in present and _TAG in text:
        text = _blank_all(_blank_delimited(text, HTML_COMMENT), _HTML_TAG)
    if (
        (_SCHEME in present and _SCHEME in text)
        or (_WWW in present and _WWW in text)
        or (_UPPER_WWW in present and _UPPER_WWW in text)
    ):
        text = _blank_all(text, _URL)
    if _AT in present and _AT in text:
        text = _blank_all(text, _EMAIL)
    if _AMP in present and _AMP in text:
        text = _blank_all(text, _ENTITY)
    if _IAL_START in present and _IAL_START in text:
        text = _blank_all(text, _IAL)
    return text


def mask_markup(text: str, *, liquid: bool = True, html: bool = True) -> str:
    """Blank everything in inline Markdown that is not running prose.

    With `html=False` raw HTML tags and link destinations stay, for rules that read them.
    """
    return _mask(text, liquid, html, _TRIGGERS)


class Masker:
    """`mask_markup` for the texts of one document, looking only for what they contain.

    Masking replaces characters by spaces, and no trigger holds a space, so a masked text
    contains no trigger that its source text lacks: one Masker serves both passes.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        joined = "\0".join(texts)  # no trigger holds a NUL, so none spans two texts
        self._present = frozenset(trigger for trigger in _TRIGGERS if trigger in joined)

    def mask(self, text: str, *, liquid: bool = True, html: bool = True) -> str:
        """`mask_markup(text, liquid=liquid, html=html)` for one of the Masker's texts."""
        return _mask(text, liquid, html, self._present)


# Each class stops at the next bracket or parenthesis, so a text of many unclosed ones
# is read once, not once from each.
_INLINE_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    """Markdown's backslash escapes taken out, as the text shows them ('a\\_b' -> 'a_b')."""
    return _ESCAPE.sub(r"\1", text)


def comparable(text: str) -> str:
    """Text reduced for comparing headings and titles: no markup, punctuation or case."""
    text = _INLINE_LINK.sub(r"\1", text)
    text = re.sub(r"[^\w\s]|_", " ", text.casefold().replace("ё", "е"))
    return " ".join(text.split())
