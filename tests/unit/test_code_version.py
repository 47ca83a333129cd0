"""The cache is keyed by every source file of blogbuild: an upgrade that changes how Markdown
is rendered or posts are loaded must render every post again."""

from __future__ import annotations

from pathlib import Path

import blogbuild
from blogbuild.pipeline.cache import store


def test_the_code_version_covers_every_stage(tmp_path: Path, monkeypatch) -> None:
    package = Path(blogbuild.__file__).parent
    assert package == store._PACKAGE
    copy = tmp_path / "blogbuild"
    for path in package.rglob("*.py"):
        target = copy / path.relative_to(package)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    monkeypatch.setattr(store, "_PACKAGE", copy)
    version = store.code_version.__wrapped__  # the cached one is computed once a process
    before = version()
    with (copy / "markup" / "markdown.py").open("a", encoding="utf-8") as file:
        file.write("# changed\n")
    assert version() != before
