"""What a post's Liquid and shortcodes can read of its site and of itself."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from blogbuild.hashing import digest
from blogbuild.model import Post

# Folders that Jekyll and Hugo authors put before a post's name in post_url, link and ref.
_POST_FOLDERS = ("_posts/", "content/posts/", "content/post/", "content/", "posts/", "post/")
_EXTENSIONS = (".md", ".markdown", ".txt", ".html")


def _name_key(name: str) -> str:
    """A post reference as a path without folder prefix or extension: `_posts/x.md` -> `x`."""
    name = name.strip().strip("\"'").lstrip("/")
    for folder in _POST_FOLDERS:
        if name.startswith(folder):
            name = name[len(folder) :]
            break
    for extension in _EXTENSIONS:
        if name.endswith(extension):
            name = name[: -len(extension)]
            break
    head, tail = posixpath.split(name)
    if tail in ("index", "_index") and head:  # a page bundle is named by its folder
        name = head
    return name


@dataclass(frozen=True, slots=True)
class PostUrls:
    """The URL of every post, by its path under the posts folder (`2019/x.md`)."""

    by_path: Mapping[str, str] = field(default_factory=dict)
    _by_key: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_stem: dict[str, str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for path, url in sorted(self.by_path.items()):
            key = _name_key(path)
            self._by_key[key] = url
            stem = posixpath.basename(key)
            # Two posts of the same name in different folders: only the full path decides.
            self._by_stem[stem] = url if self._by_stem.get(stem, url) == url else None

    def find(self, name: str) -> str | None:
        """The URL of the post `name` refers to (a file name, with or without folder and
        extension, as post_url, link and ref write it), or None."""
        path, _, anchor = name.partition("#")
        key = _name_key(path)
        url = self._by_key.get(key) or self._by_stem.get(posixpath.basename(key))
        if url is None:
            return None
        return f"{url}#{anchor}" if anchor else url

    def digest(self) -> str:
        """A digest of the whole table."""
        return digest(repr(sorted(self.by_path.items())))


@dataclass(frozen=True, slots=True)
class SiteData:
    """The site as post templates see it: `site.title`, `site.baseurl`, `site.url`, …"""

    title: str = ""
    base_url: str = "/"
    language: str = "ru"
    description: str = ""
    author: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    post_urls: PostUrls = field(default_factory=PostUrls)
    # Where a site's own shortcode and include templates are looked for, first wins.
    shortcode_dirs: tuple[str, ...] = ()
    include_dirs: tuple[str, ...] = ()
    # Where a missing shortcode's template belongs, as the site's author writes it.
    shortcode_home: str = ""
    # The site folder, resolved: no template may be read through a link out of it.
    root: str = "."

    @property
    def url(self) -> str:
        """Scheme and host of the base URL (`https://x.org`), empty when it is a path."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""

    @property
    def baseurl(self) -> str:
        """The base path without its trailing slash, Jekyll's `site.baseurl`: `/blog` or ``."""
        return (urlsplit(self.base_url).path or "/").rstrip("/")

    def variables(self) -> dict[str, Any]:
        """`site.*` for Liquid and Jinja: the configured values, then `params`."""
        return {
            **self.params,
            "title": self.title,
            "url": self.url,
            "baseurl": self.baseurl,
            "language": self.language,
            "description": self.description,
            "author": self.author,
            "params": self.params,
        }


def page_variables(post: Post) -> dict[str, Any]:
    """`page.*` of a post: its front matter, known keys and the writer's own."""
    return {
        **post.extra,
        "title": post.title,
        "date": post.date,
        "updated": post.updated,
        "categories": list(post.categories),
        "tags": list(post.tags),
        "description": post.description or "",
        "image": post.image or "",
        "slug": post.slug,
        "url": post.url,
        "path": post.source_path,
        "params": post.extra,
    }
