"""Watching sources: which paths count, and that saves, renames and new folders are seen."""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from blogbuild.serve.watch import SourceWatcher, is_source

ROOT = Path("/site")
Batches = queue.SimpleQueue[frozenset[Path]]


@pytest.mark.parametrize(
    "rel",
    [
        "blogbuild.yaml",
        "content/posts/a.md",
        "content/posts/2025/b.txt",
        "templates/post.html",
        "assets/css/style.css",
        "assets",
        "static/CNAME",
        "static/.well-known/security.txt",  # copied as it is, dotfiles too
    ],
)
def test_sources_count(rel: str) -> None:
    assert is_source(ROOT, ROOT / rel)


@pytest.mark.parametrize(
    "rel",
    [
        "dist/index.html",
        ".git/index",
        "README.md",
        "content/posts/.a.md.swp",
        "content/posts/a.md~",
        "content/posts/4913",
        "content/posts/#a.md#",
        "content/posts/a.md___jb_tmp___",
        "assets/.DS_Store",
        "content/.hidden/a.md",
        "blogbuild.yaml.tmp",
    ],
)
def test_other_paths_do_not(rel: str) -> None:
    assert not is_source(ROOT, ROOT / rel)
    assert not is_source(ROOT, Path("/elsewhere") / rel)


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Path, Batches]]:
    root = tmp_path / "site"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "blogbuild.yaml").write_text("title: A\n", encoding="utf-8")
    batches: Batches = queue.SimpleQueue()
    watcher = SourceWatcher(root, batches.put)
    watcher.start()
    time.sleep(0.3)  # let the watches be set up
    yield root, batches
    watcher.stop()


def _next_with(batches: Batches, path: Path) -> frozenset[Path]:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        batch = batches.get(timeout=max(0.0, deadline - time.monotonic()))
        if path in batch:
            return batch
    raise AssertionError(f"{path} was not reported")


def test_a_saved_post_is_reported(watched: tuple[Path, Batches]) -> None:
    root, batches = watched
    post = root / "content" / "posts" / "a.md"
    post.write_text("x", encoding="utf-8")
    assert post in _next_with(batches, post)


def test_the_config_saved_by_rename_is_reported_every_time(
    watched: tuple[Path, Batches],
) -> None:
    root, batches = watched
    config = root / "blogbuild.yaml"
    for n in range(3):
        temporary = root / f".blogbuild.yaml.{n}"
        temporary.write_text(f"title: B{n}\n", encoding="utf-8")
        os.replace(temporary, config)
        batch = _next_with(batches, config)
        assert all(is_source(root, path) for path in batch)


def test_a_folder_created_later_is_watched(
    watched: tuple[Path, Batches],
) -> None:
    root, batches = watched
    (root / "templates").mkdir()
    _next_with(batches, root / "templates")
    time.sleep(0.3)
    template = root / "templates" / "post.html"
    template.write_text("x", encoding="utf-8")
    _next_with(batches, template)


def test_what_a_link_leads_to_outside_the_site_is_not_watched(
    watched: tuple[Path, Batches], tmp_path: Path
) -> None:
    root, batches = watched
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "assets").mkdir()
    os.symlink(outside, root / "assets" / "linked")
    assert not is_source(root, root / "assets" / "linked" / "build.log")
    assert is_source(root, root / "content" / "posts" / "a.md")
    time.sleep(0.3)  # the new folder is watched again
    while not batches.empty():
        batches.get()
    for n in range(3):
        (outside / "build.log").write_text(f"line {n}\n", encoding="utf-8")
        time.sleep(0.05)
    post = root / "content" / "posts" / "b.md"
    post.write_text("x", encoding="utf-8")
    seen = set(_next_with(batches, post))
    time.sleep(0.3)
    while not batches.empty():
        seen |= batches.get()
    assert not any("linked" in path.parts for path in seen)


def test_a_jekyll_sites_sources_are_its_folders_and_top_files(tmp_path: Path) -> None:
    root = tmp_path / "site"
    for rel in ("_config.yml", "_posts/2021-01-02-a.md", "about.md", "files/x.csv",
                "_site/index.html", ".git/index", "node_modules/p/i.js"):  # fmt: skip
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x", encoding="utf-8")
    for rel in ("_config.yml", "_posts/2021-01-02-a.md", "about.md", "files/x.csv"):
        assert is_source(root, root / rel), rel
    for rel in ("_site/index.html", ".git/index", "node_modules/p/i.js", "_posts/.a.md.swp"):
        assert not is_source(root, root / rel), rel
