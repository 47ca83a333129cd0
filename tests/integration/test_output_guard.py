"""Folders refused as --out even with --force, and left exactly as they were."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild


def _snapshot(folder: Path) -> list[tuple[str, int, int, int, int, bytes]]:
    """Every entry's path, inode, mode, owner and group, and a file's bytes."""
    found = []
    for path in sorted([folder, *folder.rglob("*")]):
        stat = path.lstat()
        data = path.read_bytes() if path.is_file() else b""
        found.append((str(path), stat.st_ino, stat.st_mode, stat.st_uid, stat.st_gid, data))
    return found


def _home_like(folder: Path) -> Path:
    (folder / ".ssh").mkdir(parents=True)
    (folder / ".ssh").chmod(0o700)
    (folder / ".ssh" / "id_ed25519").write_bytes(b"secret\n")
    os.chown(folder / ".ssh", 1234, 1234)
    return folder


def _refused(site: SiteMaker, out: Path, message: str) -> None:
    site.post("2025-01-01-a.md", "---\ntitle: A\n---\nText.\n", raw=True)
    done = blogbuild("build", "--source", str(site.root), "--out", str(out), "--force")
    assert done.returncode == 1, done.stderr
    assert f"{out.resolve()}: {message}" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_home_folder_is_refused_even_with_force(
    site: SiteMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _home_like(tmp_path / "home")
    monkeypatch.setenv("HOME", str(home))
    before = _snapshot(home)
    _refused(
        site, home,
        "the output folder must not be your home folder; build into a folder inside it",
    )  # fmt: skip
    assert _snapshot(home) == before


def test_the_root_of_the_file_system_is_refused_even_with_force(site: SiteMaker) -> None:
    before = sorted(os.listdir("/"))
    _refused(site, Path("/"), "the output folder must not be the root of the file system")
    assert sorted(os.listdir("/")) == before


def test_a_folder_of_another_repository_is_refused_even_with_force(
    site: SiteMaker, tmp_path: Path
) -> None:
    other = tmp_path / "project"
    other.mkdir()
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    (other / "main.c").write_bytes(b"int main;\n")
    before = _snapshot(other)
    _refused(
        site, other,
        "the output folder holds the .git of another repository; build into a folder of its own",
    )  # fmt: skip
    assert _snapshot(other) == before


def test_force_writes_into_a_folder_of_others_and_keeps_it_as_it_is(
    site: SiteMaker, tmp_path: Path
) -> None:
    mine = _home_like(tmp_path / "mine")
    (mine / "notes.txt").write_bytes(b"mine\n")
    mine.chmod(0o750)
    os.chown(mine, 1234, 1234)
    before = _snapshot(mine)
    site.post("2025-01-01-a.md", "---\ntitle: A\n---\nText.\n", raw=True)
    done = blogbuild("build", "--source", str(site.root), "--out", str(mine), "--force")
    assert done.returncode == 0, done.stderr
    assert (mine / "index.html").is_file() and (mine / ".blogbuild-manifest.json").is_file()
    after = {entry[0]: entry for entry in _snapshot(mine)}
    assert all(after[entry[0]] == entry for entry in before)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mine.")] == []
