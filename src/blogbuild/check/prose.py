"""Blank out the parts of inline Markdown that are not prose, keeping every offset.

Text rules look for words; code spans, URLs, math, raw HTML and template tags hold
characters that only look like defects. Masking replaces them with spaces (newlines
stay) so a match in the masked text has the same offset as in the source.
"""

from __future__ import annotations

import re

_BACKTICKS = re.compile(r"`+")
_MATH = re.compile(
    r"\$\$.+?\$\$"  # display math, also used inline by kramdown
    r"|(?<![\\$\w])\$(?=\S)[^$\n]+?(?<=\S)\$(?![\w$])"  # $x$, not "$5 and $10"
    r"|\\\(.+?\\\)|\\\[.+?\\\]",
    re.DOTALL,
)
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")
_HTML_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.DOTALL)
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});", re.I)
_LINK_DEST = re.compile(r"\]\(")
_REF_LABEL = re.compile(r"\]\[[^\]\n]*\]")
_IAL = re.compile(r"\{:[^}\n]*\}")  # kramdown attribute lists: {: .class}
LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)


_NOT_NEWLINE = re.compile(r"[^\n]")


def spaces_for(text: str) -> str:
    """As many spaces as `text` has characters, its newlines kept."""
    return _NOT_NEWLINE.sub(" ", text)


def blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, newlines kept."""
    return text[:start] + spaces_for(text[start:end]) + text[end:]


def _blank_all(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda match: spaces_for(match.group()), text)


def mask_code(text: str) -> str:
    """Blank code spans: a run of N backticks up to the next run of exactly N."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (opening := _BACKTICKS.search(text, pos)) is not None:
        width = len(opening.group())
        closing = next(
            (run for run in _BACKTICKS.finditer(text, opening.end()) if len(run.group()) == width),
            None,
        )
        if closing is None:
            pos = opening.end()  # an unmatched run of backticks is literal text
            continue
        spans.append((opening.start(), closing.end()))
        pos = closing.end()
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], spaces_for(text[start:end])]
        last = end
    return "".join([*pieces, text[last:]])


def _mask_link_destinations(text: str) -> str:
    """Blank the `(url "title")` part of inline links and images, and `[ref]` labels."""
    text = _blank_all(text, _REF_LABEL)
    for match in reversed(list(_LINK_DEST.finditer(text))):
        depth = 0
        for index in range(match.end() - 1, len(text)):
            if text[index] == "(":
                depth += 1
            elif text[index] == ")":
                depth -= 1
                if depth == 0:
                    text = blank(text, match.end() - 1, index + 1)
                    break
    return text


def mask_markup(text: str, *, liquid: bool = True, html: bool = True) -> str:
    """Blank everything in inline Markdown that is not running prose.

    With `html=False` raw HTML tags and link destinations stay, for rules that read them.
    """
    text = mask_code(text)
    if liquid:
        text = _blank_all(text, LIQUID)
    text = _blank_all(text, _MATH)
    text = _blank_all(text, _AUTOLINK)
    if not html:
        return text
    text = _mask_link_destinations(text)
    for pattern in (_HTML_TAG, _URL, _EMAIL, _ENTITY, _IAL):
        text = _blank_all(text, pattern)
    return text


_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def comparable(text: str) -> str:
    """Text reduced for comparing headings and titles: no markup, punctuation or case."""
    text = _INLINE_LINK.sub(r"\1", text)
    text = re.sub(r"[^\w\s]|_", " ", text.casefold().replace("ё", "е"))
    return " ".join(text.split())
