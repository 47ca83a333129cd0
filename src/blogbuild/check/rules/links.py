"""Links and images of a rendered post, resolved against the built site.

The rendered HTML says what the page really links to (after the renderer rewrote URLs);
the source says where the writer can fix it, so each URL is traced back to a source line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

import nh3

from blogbuild.check.findings import Hit
from blogbuild.markup.limits import split_long_text

if TYPE_CHECKING:
    from blogbuild.check.document import Document

_LINK_ATTRIBUTES = {("a", "href"), ("img", "src"), ("source", "src"), ("video", "src")}
_URL_CHAR = re.compile(r"[\w/.~%+-]")
# A site-root path, a fragment or both, with nothing to decode: "/posts/x/", "/a.png#y", "#z".
# (Dot segments, which need resolving, are left to urllib too.)
_PLAIN_SITE_URL = re.compile(r"((?:/(?!/)[\w\-./~]*)?)(?:#([\w\-.~]*))?\Z")
_MAX_TRIES = 500
# What finding a post's links may read of it: this many times its text, and a little more.
_SEARCH_TIMES, _SEARCH_EXTRA = 64, 1 << 22
_IGNORED_SCHEMES = ("mailto", "tel", "data", "javascript", "vbscript", "sms")


@dataclass(frozen=True, slots=True)
class _Target:
    tag: str
    url: str


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[_Target] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if (tag, name) in _LINK_ATTRIBUTES and value is not None and value.strip():
                self.targets.append(_Target(tag, value.strip()))


def links_in_html(html: str, *, sanitized: bool = False) -> list[tuple[str, str]]:
    """(tag, URL) of every link and image in rendered HTML, in document order.

    With `sanitized`, the HTML is the renderer's sanitised output (`trusted_html` off),
    which a regular expression reads far faster than html.parser, with the same result;
    HTML of another shape is handed to html.parser all the same.
    """
    if sanitized:
        found = _links_in_sanitized(html)
        if found is not None:
            return found
    # Other HTML is brought to that shape by html5ever (through nh3), which reads any
    # input in linear time; html.parser rereads the rest of the text from each unclosed
    # quote, and stays only for what even that leaves in another shape.
    found = _links_in_sanitized(_LINKS_ONLY.clean(split_long_text(html)))
    if found is not None:
        return found
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    return [(t.tag, t.url) for t in collector.targets]


# The sanitiser's serialiser writes tags in one shape: lower-case names, every attribute
# value double-quoted with '"' escaped, no comments, scripts or styles, and '<' in text
# escaped; highlighted code and MathML, put back after sanitising, are escaped alike.
# So every '<' starts a start or end tag of that shape, which this reads whole (attribute
# values with '<' or '>' included); any other '<' (the last branch) means another
# shape, and html.parser decides.
_TAG_IN_SANITIZED = re.compile(
    r'<(?:([a-z][a-z0-9-]*)((?:\s+[^\s/>="]+(?:="[^"]*")?)*+)\s*/?>|/[a-z][a-z0-9-]*\s*>)|<'
)
_ATTRIBUTE_IN_SANITIZED = re.compile(r'([^\s/>="]+)(?:="([^"]*)")?')
_LINK_TAGS = frozenset(tag for tag, _ in _LINK_ATTRIBUTES)
_LINKS_ONLY = nh3.Cleaner(
    tags=set(_LINK_TAGS),
    attributes={tag: {name for t, name in _LINK_ATTRIBUTES if t == tag} for tag in _LINK_TAGS},
    link_rel=None,
    strip_comments=True,
)


def _links_in_sanitized(html: str) -> list[tuple[str, str]] | None:
    found = []
    for match in _TAG_IN_SANITIZED.finditer(html):
        tag = match.group(1)
        if tag is None:
            if match.group() == "<":
                return None  # not the sanitiser's shape
            continue  # an end tag
        if tag not in _LINK_TAGS:
            continue
        for attribute in _ATTRIBUTE_IN_SANITIZED.finditer(match.group(2)):
            name, value = attribute.group(1), attribute.group(2)
            if (tag, name) in _LINK_ATTRIBUTES and value is not None:
                url = unescape(value).strip() if "&" in value else value.strip()
                if url:
                    found.append((tag, url))
    return found


@dataclass(frozen=True, slots=True)
class Site:
    """What exists in the built site, in site-root paths ("/posts/x/")."""

    paths: frozenset[str]
    ids_by_path: Mapping[str, frozenset[str]]
    base_path: str  # the URL path the site lives under, "/" or "/blog/"
    # with --external: each external URL's failure reason, or None when it answered
    external: Mapping[str, str | None] | None = None

    def has(self, path: str) -> bool:
        """True when a site-root path names a page or file of the site."""
        stem = path.rstrip("/")
        candidates = {path, stem, stem + "/", stem + "/index.html"}
        if path.endswith("/index.html"):
            candidates.add(path[: -len("index.html")])
        return bool(candidates & self.paths) or path == "/"

    def ids(self, path: str) -> frozenset[str] | None:
        """Element ids of a page, or None when the page's ids are unknown."""
        stem = path.rstrip("/")
        for candidate in (path, stem + "/", stem, stem + "/index.html"):
            if candidate in self.ids_by_path:
                return self.ids_by_path[candidate]
        return None

    def site_path(self, absolute: str) -> str | None:
        """A URL path with the base path removed, or None when it lies outside the site."""
        base = self.base_path if self.base_path.endswith("/") else self.base_path + "/"
        if base == "/":
            return absolute
        if absolute.startswith(base) or absolute + "/" == base:
            return "/" + absolute[len(base) :]
        return None


def resolve(site: Site, tag: str, url: str, page: str, origin: tuple[int, int]) -> Iterator[Hit]:
    """Hits for one URL found on the post's page; `origin` is its file line and column."""
    line, col = origin
    plain = _PLAIN_SITE_URL.match(url)
    if plain and "/." not in url:
        # the common case, split without urllib: its parsing cost more than all the rest
        url_path, fragment = plain[1], plain[2] or ""
        absolute = url_path or site.base_path.rstrip("/") + page
    else:
        parts = urlsplit(url)
        if parts.scheme.lower() in _IGNORED_SCHEMES:
            return
        if parts.scheme or parts.netloc:
            if site.external is None:
                yield Hit("external-link", line, col, f"external link {url} (not checked)")
            elif reason := site.external.get(url):
                yield Hit("broken-external-link", line, col, f"external link {url}: {reason}")
            return
        page_url = site.base_path.rstrip("/") + page
        url_path, fragment = parts.path, unquote(parts.fragment)
        absolute = unquote(urlsplit(urljoin(page_url, url)).path)
    path = site.site_path(absolute)
    rule = "broken-image" if tag != "a" else "broken-link"
    if path is None:
        yield Hit(rule, line, col, f"{url} lies outside the site's base path {site.base_path}")
        return
    if url_path and not site.has(path):
        shown = url if path == url else f"{url} (resolved to {path})"
        yield Hit(rule, line, col, f"{shown}: no such page or file in the site")
        return
    if tag == "a" and fragment:
        ids = site.ids(path if url_path else page)
        if ids is not None and fragment not in ids:
            shown = path if url_path else "this page"
            yield Hit("broken-fragment", line, col, f"no element has id '{fragment}' on {shown}")


class SourceLocator:
    """Find where a URL from the HTML was written in the source, in order of appearance.

    Lines are searched as written: a text post's Markdown escapes characters of its URLs.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.used: dict[str, int] = {}
        # The lines as one text, searched by str.find rather than line by line in Python.
        self._text = "\n".join(doc.text_lines)
        self._starts = [0]
        for line in doc.text_lines:
            self._starts.append(self._starts[-1] + len(line) + 1)
        self._cursor = 0  # where the link found last ends, in `_text`
        self._missing: set[tuple[str, int, bool]] = set()
        # A needle that is not written ahead costs a search to the end of the text:
        # thousands of them (a footnote's generated back-links) would cost the square of
        # the post. Past this many characters searched in all, links are placed at the
        # body's first line without a search.
        self._search_left = _SEARCH_TIMES * len(self._text) + _SEARCH_EXTRA

    def find(self, url: str) -> tuple[int, int]:
        """File line and 1-based column of the next occurrence of `url` (or its last part)."""
        parts = urlsplit(url)
        whole = [url, unquote(url)]
        # The renderer may have rewritten the URL; its file name or fragment still shows.
        parts_of_it = []
        if parts.path:
            parts_of_it.append(unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]))
        if parts.fragment:
            parts_of_it += ["#" + parts.fragment, "#" + unquote(parts.fragment)]
        for needle, bounded in [(n, True) for n in whole] + [(n, False) for n in parts_of_it]:
            if not needle:
                continue
            found = self._after(needle, self.used.get(needle, -1), bounded)
            if found is not None:
                self.used[needle] = found[0]
                return self.doc.file_line(found[0]), found[1] + 1
        return self.doc.post.body_line, 1

    def _after(self, needle: str, last: int, bounded: bool) -> tuple[int, int] | None:
        """The first line after `last` that holds `needle`, and its column there.

        Links come in the order they were written, so the search starts where the link
        found last ends, and goes back to `last` only when the needle is not ahead: a
        post of many links is read about once, not once per link.
        """
        if "\n" in needle or last + 1 >= len(self.doc.text_lines):
            return None  # a line never holds a line break
        if (needle, last, bounded) in self._missing:
            return None
        start = self._starts[last + 1]
        found = self._find(needle, self._cursor, bounded) if self._cursor > start else -1
        if found < 0:
            found = self._find(needle, start, bounded)
        if found < 0:
            self._missing.add((needle, last, bounded))
            return None
        self._cursor = found + len(needle)
        index = bisect_right(self._starts, found) - 1
        return index, found - self._starts[index]

    def _find(self, needle: str, start: int, bounded: bool) -> int:
        if self._search_left <= 0:
            return -1
        text = self._text
        found = text.find(needle, start)
        self._search_left -= (found if found >= 0 else len(text)) - start
        # '/posts/x/' must not match inside '/blog/posts/x/'. A line's first column is
        # preceded by '\n' (or nothing), which is no URL character. Past a few hundred
        # such places the needle is taken as not written: the caller falls back.
        tries = _MAX_TRIES
        while bounded and found > 0 and _URL_CHAR.match(text[found - 1]):
            tries -= 1
            found = text.find(needle, found + 1) if tries else -1
        return found


class LinkRef(NamedTuple):
    """A link or image of a post, with where it was written; found once, checked each build."""

    tag: str
    url: str
    page: str  # the page it is resolved from
    line: int
    col: int


def locate_links(doc: Document, html: str, *, sanitized: bool = False) -> tuple[LinkRef, ...]:
    """Every link and image of a rendered post (and its front matter image), with positions.

    `sanitized` says the HTML is the renderer's sanitised output (see `links_in_html`).
    """
    refs = []
    image = doc.post.image
    if image:
        # Templates place the image from the site root, whatever page shows it.
        refs.append(LinkRef("img", image, "/", doc.post.meta_lines.get("image", 1), 1))
    page = doc.post.url
    locator = SourceLocator(doc)
    for tag, url in links_in_html(html, sanitized=sanitized):
        line, col = locator.find(url)
        refs.append(LinkRef(tag, url, page, line, col))
    return tuple(refs)


def resolve_links(refs: Iterable[LinkRef], site: Site) -> Iterator[Hit]:
    """Check located links against the built site."""
    for ref in refs:
        yield from resolve(site, ref.tag, ref.url, ref.page, (ref.line, ref.col))
