"""A damaged cache heals itself: every later build succeeds and equals a cold build."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from blogbuild.cli import main

pytestmark = pytest.mark.slow

Corruption = Callable[[Path], None]


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _build(root: Path, *extra: str) -> str:
    done = CliRunner().invoke(main, ["build", "--source", str(root), "--jobs", "1", *extra])
    assert done.exit_code == 0, done.output
    assert "Traceback" not in done.output and "unexpected error" not in done.output
    return done.output


def _make_site(root: Path) -> None:
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (root / "blogbuild.yaml").write_text("title: Кэш\nposts_per_page: 3\n", encoding="utf-8")
    for n in range(1, 8):
        (posts / f"2025-02-{n:02d}-post-{n}.md").write_text(
            f"---\ntitle: Пост {n}\ntags: [тег{n % 3}]\ncategories: [Раздел {n % 2}]\n---\n"
            f"Абзац {n} о моделях.\n\n## Раздел\n\nТекст {n}.\n\n```python\nprint({n})\n```\n",
            encoding="utf-8",
        )
    (root / "templates").mkdir()
    (root / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block content %}<p>Нет такой страницы.</p>{% endblock %}\n',
        encoding="utf-8",
    )


def _edit(root: Path) -> None:
    path = root / "content" / "posts" / "2025-02-03-post-3.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Текст 3.", "Новый."), "utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A built site with its cache, and the cold builds of it as it is and once edited."""
    folder = tmp_path_factory.mktemp("healing")
    site = folder / "site"
    _make_site(site)
    _build(site)
    cold = folder / "cold"
    shutil.copytree(site, cold, ignore=shutil.ignore_patterns("dist", ".blogbuild-cache"))
    _build(cold, "--no-cache")
    before = _tree(cold / "dist")
    _edit(cold)
    _build(cold, "--no-cache")
    return {"site": site, "before": before, "after": _tree(cold / "dist")}


def _files(cache: Path, pattern: str) -> list[Path]:
    found = sorted(p for p in cache.glob(pattern) if p.is_file())
    assert found, f"nothing in the cache matches {pattern}"
    return found


def _each(pattern: str, damage: Callable[[Path], None]) -> Corruption:
    return lambda cache: [damage(path) for path in _files(cache, pattern)] and None


def _first(pattern: str, damage: Callable[[Path], None]) -> Corruption:
    return lambda cache: damage(_files(cache, pattern)[0])


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x80\x04garbage\xff" * 10)


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))


def _folder(path: Path) -> None:
    path.unlink()
    (path / "inside").mkdir(parents=True)


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.unlink()
    os.symlink(path.name, path)


def _delete(path: Path) -> None:
    path.unlink()


def _a_list(path: Path) -> None:
    path.write_text(json.dumps(["a", "list"]), encoding="utf-8")


def _into_file(folder_pattern: str) -> Corruption:
    def damage(cache: Path) -> None:
        folder = sorted(p for p in cache.glob(folder_pattern) if p.is_dir())[0]
        shutil.rmtree(folder)
        folder.write_bytes(b"a file where a folder was")

    return damage


def _swap(pattern: str) -> Corruption:
    def damage(cache: Path) -> None:
        first, second = _files(cache, pattern)[:2]
        a, b = first.read_bytes(), second.read_bytes()
        first.write_bytes(b)
        second.write_bytes(a)

    return damage


def _record_field(name: str, value: object) -> Corruption:
    def damage(cache: Path) -> None:
        path = cache / "last-build.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data.values():
            entry["record"][name] = value
        path.write_text(json.dumps(data), encoding="utf-8")

    return damage


def _cache_is_a_file(cache: Path) -> None:
    shutil.rmtree(cache)
    cache.write_bytes(b"not a folder")


def _old_format_index(cache: Path) -> None:
    import pickle

    (cache / "index.pickle").write_bytes(pickle.dumps({"version": "x", "summaries": []}))


BODY = "bodies/*/*.pickle"
COMPILED = "templates/*"
INDEX = "index.pickle"
RECORD = "last-build.json"
CORRUPTIONS: dict[str, Corruption] = {
    "index deleted": _first(INDEX, _delete),
    "index truncated": _first(INDEX, _truncate),
    "index empty": _first(INDEX, _empty),
    "index garbage": _first(INDEX, _garbage),
    "index bit flipped": _first(INDEX, _flip),
    "index an unsealed pickle of another layout": _old_format_index,
    "index a folder": _first(INDEX, _folder),
    "index a FIFO": _first(INDEX, _fifo),
    "index a link to itself": _first(INDEX, _loop),
    "a body deleted": _first(BODY, _delete),
    "every body deleted": _each(BODY, _delete),
    "a body truncated": _first(BODY, _truncate),
    "every body empty": _each(BODY, _empty),
    "a body bit flipped": _first(BODY, _flip),
    "two bodies swapped": _swap(BODY),
    "a body a folder": _first(BODY, _folder),
    "a body a FIFO": _first(BODY, _fifo),
    "bodies/ a file": _into_file("bodies"),
    "a bodies/xx/ folder a file": _into_file("bodies/*"),
    "compiled templates truncated": _each(COMPILED, _truncate),
    "compiled templates garbage": _each(COMPILED, _garbage),
    "two compiled templates swapped": _swap(COMPILED),
    "a compiled template a folder": _first(COMPILED, _folder),
    "templates/ a file": _into_file("templates"),
    "last-build.json a list": _first(RECORD, _a_list),
    "last-build.json truncated": _first(RECORD, _truncate),
    "last-build.json not UTF-8": _first(RECORD, _garbage),
    "last-build.json a folder": _first(RECORD, _folder),
    "last-build.json a FIFO": _first(RECORD, _fifo),
    "last-build.json warnings of the wrong type": _record_field("warnings", "abc"),
    "last-build.json outputs edited": _record_field("outputs", "0" * 32),
    "the cache folder a file": _cache_is_a_file,
    "every file bit flipped": lambda cache: (
        [_flip(p) for p in sorted(cache.rglob("*")) if p.is_file() and p.stat().st_size] and None
    ),
}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_a_damaged_cache_heals(kind: str, built: dict[str, object], tmp_path: Path) -> None:
    original = built["site"]
    assert isinstance(original, Path)
    site = tmp_path / "site"
    shutil.copytree(original, site, symlinks=True)
    cache = site / ".blogbuild-cache"
    damage = CORRUPTIONS[kind]
    damage(cache)
    _build(site)  # nothing changed but the cache
    assert _tree(site / "dist") == built["before"]
    if cache.is_dir() and kind != "the cache folder a file":
        damage(cache)
    shutil.rmtree(site / "dist")  # every page rendered again, from every cached body
    _build(site)
    assert _tree(site / "dist") == built["before"]
    _edit(site)
    _build(site)
    assert _tree(site / "dist") == built["after"]
    _build(site)  # from the cache as this build rewrote it
    assert _tree(site / "dist") == built["after"]
