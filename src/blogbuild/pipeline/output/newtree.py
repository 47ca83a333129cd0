"""The folder a site is assembled in beside the output folder: the tree of two builds ago,
brought up to date, or a new one."""

from __future__ import annotations

import os
import shutil
import stat
from contextlib import suppress
from pathlib import Path

from blogbuild.content.sources import entries_under
from blogbuild.pipeline.output.swap import make_folders, remove_empty_folders, remove_tree, sibling

_WRITTEN = -1  # the inode recorded for a file written by this build: never replaced


class NewTree:
    """Where the next site is put together, file by file, before it takes the old one's place.

    Making a folder tree of a large site anew every build, and removing the old one, costs a
    folder operation per page, and on a busy disk each waits on the journal. So the tree that
    a build replaces is kept (in the cache, as `spare`) and becomes the next build's tree:
    every file there is checked against the live site by inode and relinked or removed, so
    whatever the spare holds, the result is exactly what the build puts in. A file in it is
    never written into (it may be a hard link to a live page): it is unlinked first.
    """

    def __init__(self, out: Path, spare: Path | None, folders: set[str]) -> None:
        """`folders`: those the site will likely need, made at once in a new tree."""
        self.path = sibling(out, "new")
        self.spare = spare
        remove_tree(self.path)
        self.files: dict[str, int] = {}  # what the tree holds: relative path -> inode
        self.folders: set[str] = set()
        try:
            if spare is not None and _is_folder(spare):
                with suppress(OSError):
                    os.rename(spare, self.path)
            if _is_folder(self.path):
                self.files, self.folders = _contents(self.path)
            else:
                self.path.mkdir(parents=True)
                make_folders(self.path, folders)
                self.folders = set(folders)
        except BaseException:  # Ctrl-C while a large site's folders are made: none stays
            remove_tree(self.path)
            raise

    def write(self, rel: str, data: bytes) -> Path:
        target = self._clear_way(rel)
        target.write_bytes(data)
        self.files[rel] = _WRITTEN
        return target

    def copy(self, rel: str, source: Path) -> Path:
        target = self._clear_way(rel)
        shutil.copyfile(source, target)
        self.files[rel] = _WRITTEN
        return target

    def link(self, rel: str, source: Path) -> None:
        """The file `rel` as a hard link to `source` (a file of the live site)."""
        inode = os.stat(source, follow_symlinks=False).st_ino
        if self.files.get(rel) == inode:
            return  # the spare has it already
        target = self._clear_way(rel)
        try:
            os.link(source, target, follow_symlinks=False)
        except OSError:  # no hard links here: a copy, with the same mtime
            shutil.copy2(source, target, follow_symlinks=False)
        self.files[rel] = inode

    def make_folder(self, rel: str) -> None:
        if rel not in self.folders and rel not in self.files:
            (self.path / rel).mkdir(parents=True, exist_ok=True)
            self.folders.update({rel, *parents_of(rel)})

    def keep_only(self, wanted: set[str]) -> None:
        """Remove every file but `wanted`, and every folder none of them is in."""
        for rel in [rel for rel in self.files if rel not in wanted]:
            with suppress(OSError):
                os.unlink(self.path / rel)
            del self.files[rel]
        needed = {parent for rel in wanted for parent in parents_of(rel)}
        remove_empty_folders(self.path, self.folders - needed)
        self.folders &= needed

    def match_folders(self, live: Path) -> None:
        """Give each folder the mode and owner of the live folder it replaces: someone may
        have closed `dist/private` to others, or built with --force into a folder of theirs."""
        for rel in sorted(self.folders | {""}):
            with suppress(OSError):
                was = os.lstat(live / rel)
                if not stat.S_ISDIR(was.st_mode):
                    continue
                folder = self.path / rel
                now = os.lstat(folder)
                if (now.st_uid, now.st_gid) != (was.st_uid, was.st_gid):
                    os.chown(folder, was.st_uid, was.st_gid, follow_symlinks=False)
                if stat.S_IMODE(now.st_mode) != stat.S_IMODE(was.st_mode):
                    os.chmod(folder, stat.S_IMODE(was.st_mode))

    def keep_as_spare(self, old: Path | None) -> None:
        """Keep the tree the site replaced, `old`, for the next build; else remove it."""
        if old is None:
            return
        if self.spare is not None:
            with suppress(OSError):
                remove_tree(self.spare)
                self.spare.parent.mkdir(parents=True, exist_ok=True)
                os.rename(old, self.spare)
                return
        remove_tree(old)

    def discard(self) -> None:
        """After a failed build: the tree goes back to being the spare, or away."""
        self.keep_as_spare(self.path)

    def _clear_way(self, rel: str) -> Path:
        """Room for a new file at `rel`: what stands there or in its folders' way is removed."""
        parents = parents_of(rel)
        for parent in reversed(parents):  # from the top
            if parent in self.files:
                os.unlink(self.path / parent)
                del self.files[parent]
        if rel in self.folders:
            remove_tree(self.path / rel)
            inside = rel + "/"
            self.folders = {f for f in self.folders if f != rel and not f.startswith(inside)}
            self.files = {f: i for f, i in self.files.items() if not f.startswith(inside)}
        elif rel in self.files:
            os.unlink(self.path / rel)
            del self.files[rel]
        if parents and parents[0] not in self.folders:
            (self.path / parents[0]).mkdir(parents=True, exist_ok=True)
            self.folders.update(parents)
        return self.path / rel


def parents_of(rel: str) -> list[str]:
    """The folders above a relative POSIX path, nearest first."""
    found = []
    while "/" in rel:
        rel = rel.rsplit("/", 1)[0]
        found.append(rel)
    return found


def _is_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _contents(root: Path) -> tuple[dict[str, int], set[str]]:
    """Every file (of any kind but a folder) under `root` with its inode, and every folder."""
    files: dict[str, int] = {}
    folders: set[str] = set()
    for rel, entry in entries_under(root):
        if entry.is_dir(follow_symlinks=False):
            folders.add(rel)
        else:
            files[rel] = entry.inode()
    return files, folders
