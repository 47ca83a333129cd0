"""Raw HTML the sanitiser will remove, so the writer knows before readers see the gap."""

from __future__ import annotations

import re
from collections.abc import Iterator

import nh3

from blogbuild.check.document import Document
from blogbuild.check.findings import Hit

# nh3's default allow-list is what the renderer starts from; tags outside it are dropped.
_KEPT_TAGS = frozenset(nh3.ALLOWED_TAGS)
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>")
_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
_SCRIPT_URL = re.compile(r"(?:javascript|vbscript)\s*:", re.I)
_LINK_TO_SCRIPT = re.compile(r"\]\(\s*<?(?:javascript|vbscript)\s*:", re.I)


def _problems(text: str) -> Iterator[tuple[int, str]]:
    """Offsets and messages for unsafe HTML in a piece of Markdown source."""
    for match in _TAG.finditer(text):
        name, attributes = match.group(1).lower(), match.group(2)
        if name not in _KEPT_TAGS:
            yield match.start(), f"<{name}> is removed by the HTML sanitiser"
        elif handler := _HANDLER.search(attributes):
            attribute = handler.group().strip().rstrip("=").strip()
            yield (
                match.start(),
                f"the {attribute} attribute of <{name}> is removed by the sanitiser",
            )
        elif _SCRIPT_URL.search(attributes):
            yield match.start(), f"a javascript: URL in <{name}> is removed by the sanitiser"
    for match in _LINK_TO_SCRIPT.finditer(text):
        yield match.start(), "a javascript: link is not rendered as a link"


def unsafe_html(doc: Document) -> Iterator[Hit]:
    """Raw HTML tags, attributes and URLs that sanitising removes from the page."""
    for span in doc.spans:
        for offset, message in _problems(span.markup):
            yield doc.span_hit("unsafe-html", span, offset, message)
    for token in doc.tokens:
        if token.type != "html_block" or not token.map:
            continue
        for row, line in enumerate(token.content.split("\n")):
            for col, message in _problems(line):
                yield doc.hit("unsafe-html", token.map[0] + row, col, message)


CHECKS = {"unsafe-html": unsafe_html}
