"""A Jekyll site's files outside its `_` folders, sorted as Jekyll sorts them: a file that
starts with front matter is a page, any other is copied as it is.

Pages that only their theme's Liquid fills (the home page, lists of posts, a tag page with no
text of its own, a 404, feeds and stylesheets with front matter) are not built: blogbuild's
theme makes its own. They are named once, never dropped silently.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from blogbuild.content.frontmatter import normalize_text, without_front_matter
from blogbuild.content.layout import MANIFEST_NAME, SiteLayout
from blogbuild.content.sources import outside_reason

# Jekyll 4's default `exclude`, which a site's own list replaces only in part: Jekyll adds
# these back, as `Configuration#add_default_excludes` does.
DEFAULT_EXCLUDES = (
    ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
    "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
)  # fmt: skip
PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")
_HEADER = re.compile(rb"\A---[ \t]*\r?\n")
# A page whose text is a loop over the site's posts, tags or pages: a list the theme makes.
# An HTML page with any loop is one; a Markdown page may loop over a list of its own.
_LISTING = re.compile(r"\{%-?\s*for\s+\w+\s+in\s+(?:site|paginator)\.|\bpaginator\.")
_HTML_LOOP = re.compile(r"\{%-?\s*for\s")
_MADE_BY_THEME = frozenset({"index.html", "index.md", "index.markdown", "404.html", "404.md"})


@dataclass(frozen=True, slots=True)
class JekyllFiles:
    """The pages, the copied files and the theme's pages of a Jekyll site."""

    pages: list[str] = field(default_factory=list)  # absolute path strings, path order
    copied: dict[str, Path] = field(default_factory=dict)  # output path -> file
    unbuilt: list[str] = field(default_factory=list)  # paths from the site root
    refused: list[tuple[str, str]] = field(default_factory=list)  # path, why not read


def jekyll_files(root: Path, layout: SiteLayout) -> JekyllFiles:
    """Every file Jekyll would read at `root` outside `_` and `.` folders and the excludes,
    and outside any output folder of blogbuild's."""
    found = JekyllFiles()
    excludes = (*DEFAULT_EXCLUDES, *layout.exclude)
    includes = layout.include
    top = str(root)
    for folder, dirs, files in os.walk(top):
        prefix = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        # pruned here, so .git, _site and node_modules are never walked
        dirs[:] = sorted(
            d for d in dirs
            if not _left_out(prefix + d, excludes, includes)
            and not _written_by_us(os.path.join(folder, d))
        )  # fmt: skip
        for name in files:
            rel = prefix + name
            path = Path(folder, name)
            if _left_out(rel, excludes, includes):
                continue
            if why := _unreadable(path, root):
                found.refused.append((rel, why))
                continue
            if not _has_front_matter(path):
                found.copied[rel] = path
            elif rel.lower().endswith(PAGE_SUFFIXES) and not _made_by_theme(rel, path):
                found.pages.append(str(path))
            else:
                found.unbuilt.append(rel)
    found.pages.sort()
    found.unbuilt.sort()
    copied = dict(sorted(found.copied.items()))
    return JekyllFiles(found.pages, copied, found.unbuilt, sorted(found.refused))


def _written_by_us(folder: str) -> bool:
    """An output folder of blogbuild's (`--out dist`): never read back as the site's files."""
    return os.path.isfile(os.path.join(folder, MANIFEST_NAME))


def _unreadable(path: Path, root: Path) -> str | None:
    """Why a file may not be read: a link leaving the site, or no regular file."""
    if os.path.islink(path):
        return outside_reason(path, root)
    return None if path.is_file() else "not a regular file: skipped"


def _left_out(rel: str, excludes: tuple[str, ...], includes: tuple[str, ...]) -> bool:
    """Jekyll leaves out every name that starts with `_`, `.` or `#` or ends with `~`, and
    what `exclude` names, unless `include` names it."""
    if _excluded(rel, includes):
        return False
    name = rel.rsplit("/", 1)[-1]
    return name[:1] in ("_", ".", "#") or name.endswith("~") or _excluded(rel, excludes)


def _excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    """Whether `exclude` (or `include`) names `rel`: a path, a folder (with or without its
    slash) or a glob."""
    for pattern in patterns:
        stem = pattern.strip().strip("/")
        if stem and (rel == stem or rel.startswith(stem + "/") or fnmatch(rel, stem)):
            return True
    return False


def _has_front_matter(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return bool(_HEADER.match(file.readline()))
    except OSError:
        return False


def _made_by_theme(rel: str, path: Path) -> bool:
    """The home page, a 404, a list of posts, or a page with no text of its own."""
    if rel.lower() in _MADE_BY_THEME:
        return True
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    split = without_front_matter(normalize_text(text))
    body = split.body if split is not None else ""
    if rel.lower().endswith((".html", ".htm")) and _HTML_LOOP.search(body):
        return True
    return not body.strip() or bool(_LISTING.search(body))


def unbuilt_note(unbuilt: list[str]) -> str:
    """The theme's pages, grouped by folder where a folder holds several."""
    by_folder: dict[str, list[str]] = {}
    for rel in unbuilt:
        folder = os.path.dirname(rel)
        by_folder.setdefault(folder, []).append(rel)
    shown: list[str] = []
    for folder, names in sorted(by_folder.items()):
        if folder and len(names) > 3:
            shown.append(f"{folder}/ ({len(names)} files)")
        else:
            shown += names
    listed = ", ".join(shown[:12]) + (f" and {len(shown) - 12} more" if len(shown) > 12 else "")
    return (
        "not built, as blogbuild's theme makes its own home page, lists, tag pages, 404, "
        f"feeds and styles: {listed}"
    )
