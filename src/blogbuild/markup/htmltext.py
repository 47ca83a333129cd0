"""Raw HTML without its tags, comments, scripts and styles, in time linear in its length.

The obvious regular expressions (`<[^>]*>`, `<!--.*?-->`) are tried again at every `<`
that has no closing `>` or `-->`, each time to the end of the text: a line of 100,000
unclosed `<!--` costs 10¹⁰ steps. These scanners give the same result as those
expressions, but look for each kind of closing at most once past the last one found.
"""

from __future__ import annotations

import re

_HIDDEN_OPEN = re.compile(r"<!--|<(script|style)\b", re.IGNORECASE)
_HIDDEN_CLOSE = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}


def strip_tags(source: str, replacement: str = "") -> str:
    """`source` with each `<…>` replaced, as `re.sub(r"<[^>]*>", replacement, source)`."""
    parts: list[str] = []
    pos = 0
    while (start := source.find("<", pos)) >= 0:
        end = source.find(">", start + 1)
        if end < 0:  # no `>` after this `<`, so none after any later one either
            break
        parts += (source[pos:start], replacement)
        pos = end + 1
    parts.append(source[pos:])
    return "".join(parts)


def strip_hidden(source: str, replacement: str = " ") -> str:
    """`source` with comments, `<script>` and `<style>` elements (each properly closed)
    replaced, as `re.sub(r"<(script|style)\\b.*?</\\1\\s*>|<!--.*?-->", …, re.I | re.S)`."""
    parts: list[str] = []
    pos = search = 0
    unclosed: set[str] = set()  # kinds whose closing was not found past some point
    while found := _HIDDEN_OPEN.search(source, search):
        kind = (found.group(1) or "comment").lower()
        end = -1
        if kind not in unclosed:
            if kind == "comment":
                close = source.find("-->", found.end())
                end = close + 3 if close >= 0 else -1
            else:
                closing = _HIDDEN_CLOSE[kind].search(source, found.end())
                end = closing.end() if closing else -1
        if end < 0:
            unclosed.add(kind)  # a later opening of this kind has no closing either
            search = found.start() + 1
            if len(unclosed) == 3:
                break
            continue
        parts += (source[pos : found.start()], replacement)
        pos = search = end
    parts.append(source[pos:])
    return "".join(parts)
