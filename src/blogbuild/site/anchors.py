"""A link from each heading of a post's page to itself, for readers who share a section."""

from __future__ import annotations

import html as html_text
import re

# Headings as the renderer writes them: its own ids, text escaped; `<h2` inside code is
# escaped too (`&lt;h2`), so it never matches. h1 is the page's title, not a section.
_HEADING = re.compile(r'<h([2-6])\b([^>]*?)\sid="([^"<>]+)"([^>]*)>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def heading_anchors(html: str, label: str) -> str:
    """`html` with `<a class="heading-anchor">` at the end of every h2-h6 that has an id,
    named `label` and the heading's text for screen readers."""

    def add(match: re.Match[str]) -> str:
        level, before, heading_id, after, inner = match.groups()
        text = " ".join(html_text.unescape(_TAG.sub("", inner)).split())
        name = html_text.escape(f"{label}: {text}" if text else label)
        anchor = (  # the "#" is no part of the heading's text for search
            f'<a class="heading-anchor" href="#{heading_id}" aria-label="{name}" '
            "data-pagefind-ignore>#</a>"
        )
        return f'<h{level}{before} id="{heading_id}"{after}>{inner} {anchor}</h{level}>'

    return _HEADING.sub(add, html)
