"""Finding a site's pages, the files that stand alone beside its posts (about, contacts).

A blogbuild site keeps them in `content/pages/` (any depth; `contacts/index.md` is a page
bundle with its files). A Hugo site's are the files at the top of `content/`, its leaf
bundles there and the sections that hold no posts. A Jekyll site's are its files with front
matter outside `_` folders (`foreign/jekyllfiles.py`), whose other files are copied as they are.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from blogbuild.content.discover import discover
from blogbuild.content.foreign.jekyllfiles import jekyll_files, unbuilt_note
from blogbuild.content.layout import SiteLayout
from blogbuild.errors import Problems


@dataclass(frozen=True, slots=True)
class FoundPages:
    """A site's page files and what goes with them."""

    pages: list[str] = field(default_factory=list)  # absolute path strings, in path order
    # each page (by its path) that has resources: its bundle folder, and the files in it
    resources: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    copied: dict[str, Path] = field(default_factory=dict)  # Jekyll's: output path -> file
    skipped: list[tuple[str, str]] = field(default_factory=list)  # path, why: warned
    unbuilt_note: str = ""  # the theme's pages of a Jekyll site, named once


def find_pages(root: Path, layout: SiteLayout) -> FoundPages:
    """The pages of the site at `root`."""
    if layout.generator == "jekyll":
        jekyll = jekyll_files(root, layout)
        skipped = [(str(root / rel), why) for rel, why in jekyll.refused]
        note = unbuilt_note(jekyll.unbuilt) if jekyll.unbuilt else ""
        return FoundPages(jekyll.pages, {}, jekyll.copied, skipped, note)
    resolved = root.resolve()
    posts = {os.path.normpath(root / name) for name in (*layout.post_dirs, *layout.drafts_dirs)}
    result = FoundPages()
    for name in layout.page_dirs:
        folder = root / name
        if not folder.is_dir() or os.path.normpath(folder) in posts:
            continue
        found = discover(str(folder), resolved, layout.post_suffixes, leave_out=frozenset(posts))
        result.pages.extend(found.posts)
        result.resources.update(found.resources)
        result.skipped.extend(found.skipped)
    result.pages.sort()
    return result


def page_bundles(root: Path, layout: SiteLayout) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each page bundle's page, folder and files; a Jekyll site has none (its files are
    copied where they lie), so its folder is not walked for them."""
    return {} if layout.generator == "jekyll" else find_pages(root, layout).resources


def warn_skipped(found: FoundPages, root: Path, problems: Problems) -> None:
    """Say once what was found but not built."""
    for path, why in found.skipped:
        problems.warning(os.path.relpath(path, root).replace(os.sep, "/"), None, why)
    if found.unbuilt_note:
        problems.warning("", None, found.unbuilt_note)
