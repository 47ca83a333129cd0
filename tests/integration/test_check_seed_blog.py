"""`blogbuild check --format json` on a copy of the seed blog (the articles as they came)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.clirun import blogbuild
from tests.seed_findings import EXPECTED, copy_seed_blog, post_path


def test_check_reports_exactly_the_seed_defects_and_fails(tmp_path: Path) -> None:
    site = copy_seed_blog(tmp_path / "blog")
    done = blogbuild("check", "--format", "json", "--source", str(site))
    # The seeds have errors (broken image, debris…); the blog's config publishes it anyway.
    assert done.returncode == 0, done.stderr
    assert "fail_on: never" in (site / "blogbuild.yaml").read_text(encoding="utf-8")
    rows = json.loads(done.stdout)
    found = {(row["path"], row["line"], row["rule"]) for row in rows}
    expected = {
        (post_path(number), line, rule)
        for number, findings in EXPECTED.items()
        for line, rule in findings
    }
    assert found == expected
    assert all(row["col"] >= 1 and row["severity"] in ("error", "warning") for row in rows)
    assert not (site / "dist").exists()  # check writes nothing
