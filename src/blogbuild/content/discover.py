"""Finding the post files under content/posts as Jekyll and Hugo would: page bundles with
their resources, drafts under `_drafts/`, and the special files that are not posts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from blogbuild.content.sources import unreadable_reason

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt",)
POST_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES
HTML_SUFFIXES = (".html", ".htm")  # posts of a Jekyll or Hugo site, written in HTML
DRAFTS_FOLDER = "_drafts"
_BUNDLE_NAMES = frozenset("index" + suffix for suffix in POST_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Found:
    """The files of content/posts, sorted out."""

    posts: list[str] = field(default_factory=list)  # absolute path strings, in path order
    # each post (by its path) that has resources: its bundle folder, and the files in it
    resources: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # path, why
    drafts: frozenset[str] = frozenset()  # the posts under a `_drafts/` folder


def is_bundle_index(path: str) -> bool:
    """`x/index.md`: the post of a page bundle, whose slug is its folder's name."""
    return os.path.basename(path).lower() in _BUNDLE_NAMES


def discover(
    folder: str,
    root: Path,
    suffixes: tuple[str, ...] = POST_SUFFIXES,
    leave_out: frozenset[str] = frozenset(),
) -> Found:
    """Sort every file below `folder` (in the site folder `root`, resolved) into posts, their
    resources and skipped files. `suffixes`: what a post file may end in (a Jekyll or Hugo
    site adds `.html`); `leave_out`: folders below `folder` that are not entered."""
    found = Found()
    files = _files_under(folder, root, found.skipped, leave_out)
    drafts: set[str] = set()
    by_folder: dict[str, list[str]] = {}
    for path in files:
        by_folder.setdefault(os.path.dirname(path), []).append(path)
    # a folder holding index.md is a bundle: everything below it belongs to that post
    bundles = sorted(
        d for d, names in by_folder.items() if d != folder and any(map(is_bundle_index, names))
    )
    owner: dict[str, str] = {}
    for bundle in bundles:
        index = min(p for p in by_folder[bundle] if is_bundle_index(p))
        if _inside_any(bundle, owner):
            continue  # a bundle inside a bundle is one of its resources
        owner[bundle] = index
    posts: set[str] = set()
    for path in files:
        name = os.path.basename(path)
        home = _inside_any(os.path.dirname(path), owner)
        if home is not None and owner[home] != path:
            continue
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in suffixes:
            continue
        if name.startswith("_"):
            why = (
                "a Hugo section page (_index), not a post: left out"
                if os.path.splitext(name)[0].lower() == "_index"
                else "the name starts with '_', which Jekyll and Hugo never publish: left out"
            )
            found.skipped.append((path, why))
            continue
        posts.add(path)
        if DRAFTS_FOLDER in os.path.relpath(path, folder).split(os.sep)[:-1]:
            drafts.add(path)
    # a post file with a folder of its own name beside it (`x.md` and `x/`) owns that folder
    folders = {parent for d in by_folder for parent in _ancestors(d, folder)}
    for path in sorted(posts):
        stem_folder = os.path.splitext(path)[0]
        if stem_folder in folders and _inside_any(stem_folder, owner) is None:
            owner[stem_folder] = path
    claimed: dict[str, list[str]] = {}
    for path in files:
        if path in posts:
            continue
        home = _inside_any(os.path.dirname(path), owner)
        if home is not None:
            claimed.setdefault(owner[home], []).append(path)
        elif os.path.splitext(path)[1].lower() not in suffixes:
            kinds = ", ".join(suffixes[:-1]) + f" or {suffixes[-1]}"
            found.skipped.append((path, f"not a post ({kinds}): skipped"))
    found.posts.extend(sorted(posts))
    for bundle, index in owner.items():
        if index in posts:
            found.resources[index] = (bundle, tuple(sorted(claimed.get(index, ()))))
    found.skipped.sort()
    return Found(found.posts, found.resources, found.skipped, frozenset(drafts))


def _ancestors(path: str, top: str) -> Iterator[str]:
    """`path` and the folders above it, up to (not including) `top`."""
    while path != top and len(path) > len(top):
        yield path
        path = os.path.dirname(path)


def _inside_any(folder: str, owners: dict[str, str]) -> str | None:
    """The owned folder that `folder` is, or is inside of."""
    current = folder
    while True:
        if current in owners:
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _files_under(
    folder: str, root: Path, skipped: list[tuple[str, str]], leave_out: frozenset[str]
) -> list[str]:
    """Files below `folder` in path order, leaving out hidden ones and hidden folders; links
    are followed only to files inside the site `root`, and what is left out is in `skipped`."""
    found: list[tuple[tuple[str, ...], str]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), folder)]
    while pending:
        parts, current = pending.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if entry.path not in leave_out:
                        pending.append(((*parts, entry.name), entry.path))
                elif entry.is_file(follow_symlinks=False):
                    found.append(((*parts, entry.name), entry.path))
                elif reason := unreadable_reason(entry, root):
                    skipped.append((entry.path, reason))
                else:
                    found.append(((*parts, entry.name), entry.path))
    return [path for _, path in sorted(found)]
