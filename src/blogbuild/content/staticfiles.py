"""A site's root files: each folder of `layout.static_dirs` (`static/`) as it is, dotfiles
and `.well-known/` included, copied to the root of the output."""

from __future__ import annotations

from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.content.pagefiles import find_pages
from blogbuild.content.sources import entries_under, outside_reason, unreadable_reason
from blogbuild.errors import Problems


def static_files(config: Config, problems: Problems | None = None) -> dict[str, Path]:
    """Each output path (`CNAME`, `.well-known/x`) and the file it is copied from, in path
    order; a later folder of `static_dirs` wins over an earlier one. Links that leave the
    site, dangle or loop, and what is no regular file, are left out with a warning."""
    root = config.root.resolve()
    found: dict[str, Path] = {}
    for name in config.layout.static_dirs:
        folder = config.root / name
        if not folder.is_dir():
            continue
        if reason := outside_reason(folder, root):
            if problems is not None:
                problems.warning(name, None, reason)
            continue
        for rel, entry in entries_under(folder):
            if entry.is_dir(follow_symlinks=False):
                continue
            if entry.is_file(follow_symlinks=False) or not (why := unreadable_reason(entry, root)):
                found[rel] = Path(entry.path)
            elif problems is not None:
                problems.warning(f"{name}/{rel}", None, why)
    return dict(sorted(found.items()))


def site_copies(config: Config) -> dict[str, Path]:
    """A Jekyll site's files without front matter, which Jekyll copies as they are, by
    output path; none for other sites."""
    if config.layout.generator != "jekyll":
        return {}
    return dict(find_pages(config.root, config.layout).copied)


def static_root_names(config: Config) -> list[str]:
    """The names of the files at the top of the static folders (`favicon.ico`, `CNAME`),
    without reading further down: what the pages' head links to."""
    names: set[str] = set()
    for name in config.layout.static_dirs:
        folder = config.root / name
        if folder.is_dir():
            names.update(p.name for p in folder.iterdir() if p.is_file())
    return sorted(names)
