"""Raw HTML the sanitiser will remove, so the writer knows before readers see the gap."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from blogbuild.check.document import Document
from blogbuild.check.findings import Hit
from blogbuild.content.safeurl import url_scheme
from blogbuild.markup.sanitize import ALLOWED_TAGS, sanitize_html

_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>")
_LINK_TO_SCRIPT = re.compile(r"\]\(\s*<?(?:javascript|vbscript)\s*:", re.I)
_CONTENT_DROPPED = frozenset({"script", "style"})
# Elements the HTML parser keeps only inside a table: each is cleaned inside one, so that
# the parser, not the sanitiser, does not take them out.
_TABLE_CONTEXT = {
    "td": "<table><tr>", "th": "<table><tr>", "tr": "<table>", "col": "<table><colgroup>",
    "thead": "<table>", "tbody": "<table>", "tfoot": "<table>", "caption": "<table>",
    "colgroup": "<table>",
}  # fmt: skip
_URL_ATTRIBUTES = frozenset({"href", "src", "poster", "srcset"})


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing the sanitiser takes out of an element: the element, or one attribute."""

    tag: str
    attribute: str | None
    message: str


class _FirstTag(HTMLParser):
    """The attributes of the first start tag of one name."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.attributes: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.name and self.attributes is None:
            self.attributes = {}
            for key, value in attrs:
                self.attributes.setdefault(key, value or "")  # the first of a repeated one


def attributes_of(name: str, html: str) -> dict[str, str] | None:
    """The attributes of the first `<name>` start tag in `html`, None when there is none."""
    parser = _FirstTag(name)
    parser.feed(html)
    parser.close()
    return parser.attributes


@lru_cache(maxsize=4096)
def sanitiser_removals(tag_html: str) -> tuple[Removal, ...]:
    """What sanitising takes out of one start tag: the element itself, or its attributes."""
    match = _TAG.fullmatch(tag_html.strip())
    if match is None:
        return ()
    name = match.group(1).lower()
    if name not in ALLOWED_TAGS:
        what = " with its content" if name in _CONTENT_DROPPED else ""
        return (Removal(name, None, f"<{name}> is removed by the HTML sanitiser{what}"),)
    before = attributes_of(name, tag_html) or {}
    after = attributes_of(name, sanitize_html(_TABLE_CONTEXT.get(name, "") + tag_html)) or {}
    return tuple(
        Removal(name, attribute, _message(name, attribute, value, after.get(attribute)))
        for attribute, value in before.items()
        if after.get(attribute) != value
    )


def _message(name: str, attribute: str, value: str, kept: str | None) -> str:
    if kept is not None:
        return f"part of the {attribute} attribute of <{name}> is removed by the sanitiser"
    scheme = url_scheme(value) if attribute in _URL_ATTRIBUTES else None
    if scheme is not None and scheme not in ("http", "https"):
        return f"a {scheme}: URL in <{name} {attribute}> is removed by the sanitiser"
    return f"the {attribute} attribute of <{name}> is removed by the sanitiser"


def _problems(text: str) -> Iterator[tuple[int, str]]:
    """Offsets and messages for unsafe HTML in a piece of Markdown source."""
    for match in _TAG.finditer(text):
        for removal in sanitiser_removals(match.group()):
            yield match.start(), removal.message
    for match in _LINK_TO_SCRIPT.finditer(text):
        yield match.start(), "a javascript: link is not rendered as a link"


_FRAME_TAGS = re.compile(r"<(/?)iframe\b", re.I)
UNCLOSED_FRAME = (
    "<iframe> has no </iframe>: what follows it, up to the next </iframe> (an embed's "
    "too), is its text, which the sanitiser leaves out of the page"
)


def unsafe_html(doc: Document) -> Iterator[Hit]:
    """Raw HTML tags, attributes and URLs that sanitising removes from the page."""
    frames: list[tuple[Hit, bool]] = []  # each <iframe> and </iframe>, and if it opens
    for span in doc.spans:
        for offset, message in _problems(span.markup):
            yield doc.span_hit("unsafe-html", span, offset, message)
        for tag in _FRAME_TAGS.finditer(span.markup):
            frames.append(
                (doc.span_hit("unsafe-html", span, tag.start(), UNCLOSED_FRAME), not tag.group(1))
            )
    for token in doc.tokens:
        if token.type != "html_block" or not token.map:
            continue
        for row, line in enumerate(token.content.split("\n")):
            for col, message in _problems(line):
                yield doc.hit("unsafe-html", token.map[0] + row, col, message)
            for tag in _FRAME_TAGS.finditer(line):
                hit = doc.hit("unsafe-html", token.map[0] + row, tag.start(), UNCLOSED_FRAME)
                frames.append((hit, not tag.group(1)))
    if frames:
        last, opens = max(frames, key=lambda frame: (frame[0].line, frame[0].col))
        if opens:
            yield last


CHECKS = {"unsafe-html": unsafe_html}
