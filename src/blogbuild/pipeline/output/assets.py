"""Static files: the theme's assets, overridden file by file by the site's own."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.content.loader import post_resources, relative_path
from blogbuild.content.permalinks import page_folder
from blogbuild.content.sources import entries_under, unreadable_reason
from blogbuild.content.theme import theme_dir
from blogbuild.errors import Problems
from blogbuild.site.views import PostView


def collect_assets(config: Config, problems: Problems | None = None) -> dict[str, Path]:
    """Map each output path (`assets/...`) to the file it is copied from; links that leave
    the site (or the theme), dangle or loop, and files that are no regular files, are left
    out with a warning."""
    found: dict[str, Path] = {}
    root = config.root.resolve()
    for folder, inside in (
        (theme_dir() / "assets", theme_dir().resolve()),
        (config.root / "assets", root),
    ):
        if not folder.is_dir():
            continue
        for rel, path in _files(folder, inside, root, problems):
            found["assets/" + rel] = path
    return found


def _files(
    folder: Path, inside: Path, root: Path, problems: Problems | None
) -> list[tuple[str, Path]]:
    """(relative POSIX path, file) below `folder`, hidden files left out, in path order."""
    found = []
    for rel, entry in entries_under(folder):
        if entry.is_dir(follow_symlinks=False) or entry.name.startswith("."):
            continue
        if entry.is_file(follow_symlinks=False) or not (reason := unreadable_reason(entry, inside)):
            found.append((rel, Path(entry.path)))
        elif problems is not None:
            problems.warning(relative_path(Path(entry.path), root), None, reason)
    return sorted(found)


def bundle_files(config: Config, posts: Iterable[PostView]) -> dict[str, Path]:
    """The files of each published post's page bundle, beside its page: `posts/<slug>/x.png`."""
    resources = post_resources(config)
    found: dict[str, Path] = {}
    for post in posts:
        for name, path in resources.get(post.source_path, ()):
            found[page_folder(post.url).lstrip("/") + name] = path
    return found
