"""One small site whose whole HTML is compared with reviewed files (regenerate: --update-golden)."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from tests.integration.clirun import blogbuild

GOLDEN = Path(__file__).resolve().parents[1] / "sites" / "golden"
PAGES = ["index.html", "posts/vnimanie/index.html", "categories/nlp/index.html", "feed.xml"]


@pytest.mark.parametrize("page", PAGES)
def test_pages_match_the_golden_files(
    page: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    site = tmp_path / "site"
    shutil.copytree(GOLDEN / "site", site)
    done = blogbuild("build", "--source", str(site))
    assert done.returncode == 0, done.stderr
    built = (site / "dist" / page).read_text(encoding="utf-8")
    expected_file = GOLDEN / "expected" / page
    if request.config.getoption("--update-golden"):
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(built, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(expected.splitlines(True), built.splitlines(True), "expected", "built")
    )
    assert built == expected, diff
