"""Every broken site under tests/sites/invalid/ fails with its expected messages and loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from blogbuild.pipeline.output.manifest import MANIFEST_NAME, Manifest, manifest_bytes
from tests.integration.clirun import blogbuild

INVALID = Path(__file__).resolve().parents[1] / "sites" / "invalid"
CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", CASES)
def test_invalid_site_reports_every_problem_and_keeps_dist(case: str, tmp_path: Path) -> None:
    site = tmp_path / case
    shutil.copytree(INVALID / case, site, ignore=shutil.ignore_patterns("expected.txt"))
    previous = site / "dist"
    previous.mkdir()
    (previous / "index.html").write_text("previous build", encoding="utf-8")
    (previous / MANIFEST_NAME).write_bytes(
        manifest_bytes(Manifest(frozenset({"index.html"}), frozenset()))
    )
    before = _tree(tmp_path)

    done = blogbuild("build", "--source", str(site))

    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    for expected in (INVALID / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert expected in done.stderr, f"missing {expected!r} in:\n{done.stderr}"
    assert _tree(tmp_path) == before, "a failed build changed files"
