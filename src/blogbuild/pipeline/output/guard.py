"""Folders no build may ever write into, --force or not: a build would replace them whole."""

from __future__ import annotations

import os
import pwd
from pathlib import Path


def forbidden_output(out: Path, root: Path) -> str | None:
    """Why `out` (resolved) can never be an output folder, or None."""
    if out == Path(out.anchor):
        return "the output folder must not be the root of the file system"
    if out in _homes():
        return "the output folder must not be your home folder; build into a folder inside it"
    repository = _git_dir(out / ".git")
    if repository is not None and repository != _site_repository(root):
        return (
            "the output folder holds the .git of another repository; build into a folder of its own"
        )
    return None


def _homes() -> set[Path]:
    homes = set()
    for home in (os.environ.get("HOME"), _account_home()):
        if home:
            homes.add(Path(home).resolve())
    return homes


def _account_home() -> str | None:
    try:
        return pwd.getpwuid(os.getuid()).pw_dir
    except KeyError:
        return None


def _site_repository(root: Path) -> Path | None:
    """The repository the site's folder belongs to, if any."""
    for folder in (root, *root.parents):
        found = _git_dir(folder / ".git")
        if found is not None:
            return found
    return None


def _git_dir(dot_git: Path) -> Path | None:
    """The repository a `.git` stands for: its own folder, or for a linked worktree (a `.git`
    file naming its folder) the repository that worktree belongs to."""
    if dot_git.is_dir():
        return dot_git.resolve()
    try:
        text = dot_git.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if not text.startswith("gitdir:"):
        return None
    linked = (dot_git.parent / text[len("gitdir:") :].strip()).resolve()
    try:
        common = (linked / "commondir").read_text(encoding="utf-8").strip()
    except OSError:
        return linked
    return (linked / common).resolve()
