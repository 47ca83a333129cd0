"""scripts/screenshots: every page type of a site, phone and desktop, light and dark."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.feature_site import write_feature_site
from tests.integration.clirun import REPO

pytestmark = pytest.mark.slow


def _png_width(path: Path) -> int:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return int(struct.unpack(">I", data[16:20])[0])


def test_each_page_type_is_shot_at_both_widths_in_both_schemes(tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "shots"
    write_feature_site(site)
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "screenshots"), "--source", str(site),
         "--out", str(out)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    kinds = ["home", "page-2", "post", "category", "categories", "tag", "tags", "archive"]
    kinds += ["search", "404"]
    expected = {f"{k}-{w}-{s}.png" for k in kinds for w in (390, 1280) for s in ("light", "dark")}
    assert {p.name for p in out.iterdir()} == expected
    for shot in out.iterdir():
        assert _png_width(shot) == int(shot.stem.split("-")[-2])
    assert f"{len(expected)} screenshots in {out}" in done.stdout
