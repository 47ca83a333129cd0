"""Bounds on what is handed to native code, which no time limit can stop once it runs."""

from __future__ import annotations

import re

# nh3's HTML parser (html5ever) looks through the open elements for each block tag, so
# HTML nested n deep costs it n² steps (10,000 unclosed <div>: 0.7 s; 100,000: minutes).
# Browsers stop nesting at 512 levels (Chromium's parser makes deeper elements siblings),
# so deeper HTML never showed as written anyway.
MAX_HTML_DEPTH = 512

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# Elements that never hold others, and those a parser closes by itself at the next of
# their kind (`<p>a<p>b`, `<li>` without `</li>`): neither makes the tree deeper.
_FLAT = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option",
        "optgroup", "thead", "tbody", "tfoot", "rt", "rp", "colgroup", "caption",
    }
)  # fmt: skip


# markdown-it-py's block parser tries each block rule on every line: 100,000 lines of a
# paragraph cost it about two seconds, and real posts have a few thousand.
MAX_LINES = 100_000


class TooComplex(Exception):
    """A post's content is beyond what can be rendered in reasonable time; the message
    says what and is shown with the post's path."""


def check_line_count(source: str) -> None:
    """Raise TooComplex when `source` has more than MAX_LINES lines."""
    lines = source.count("\n") + 1
    if lines > MAX_LINES:
        raise TooComplex(
            f"it has {lines:,} lines, more than the {MAX_LINES:,} one post may have "
            "(split it into several posts)"
        )


def check_html_depth(html: str) -> None:
    """Raise TooComplex when `html` nests elements deeper than MAX_HTML_DEPTH.

    An estimate in one pass, counting open elements by name: it never sees HTML as deeper
    than a parser would, except where end tags are missing.
    """
    if html.count("<") <= MAX_HTML_DEPTH:
        return
    open_by_name: dict[str, int] = {}
    depth = deepest = 0
    for match in _TAG.finditer(html):
        name = match.group(2).lower()
        if name in _FLAT:
            continue
        if match.group(1):
            if open_by_name.get(name):
                open_by_name[name] -= 1
                depth -= 1
        else:
            open_by_name[name] = open_by_name.get(name, 0) + 1
            depth += 1
            deepest = max(deepest, depth)
    if deepest > MAX_HTML_DEPTH:
        raise TooComplex(
            f"its HTML nests elements {deepest:,} deep, more than the {MAX_HTML_DEPTH} "
            "levels browsers show (look for tags that are opened and never closed)"
        )


# html5ever writes a text node's `&` and no-break spaces back out in time that grows with
# the square of the node's length (200,000 `&amp;` in one paragraph: 0.5 s, a million:
# 13 s, inside a native call). An empty comment, which the cleaner drops, ends a text node:
# one before every SPLIT_EVERY-th such character of a run keeps every node short.
SPLIT_EVERY = 1_000
_TEXT_MARKS = re.compile(r"[<>&\xa0]")
# Elements whose content is text to the parser: a comment inside would show as written.
_RAW_TEXT = re.compile(r"<(?:textarea|title|xmp|plaintext)\b", re.IGNORECASE)


def split_long_text(html: str) -> str:
    """`html` with empty comments splitting runs of text that hold many `&` or no-break
    spaces; the same page once comments are dropped."""
    if html.count("&") + html.count("\xa0") < SPLIT_EVERY or _RAW_TEXT.search(html):
        return html
    parts: list[str] = []
    pos = run = 0
    in_tag = False
    for mark in _TEXT_MARKS.finditer(html):
        char = mark.group()
        if char == "<":
            in_tag, run = True, 0
        elif char == ">":
            in_tag = False
        elif not in_tag:
            run += 1
            if run % SPLIT_EVERY == 0:
                parts += (html[pos : mark.start()], "<!---->")
                pos = mark.start()
    parts.append(html[pos:])
    return "".join(parts)
