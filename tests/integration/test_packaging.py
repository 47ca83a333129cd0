"""The wheel carries the default theme, so an installed blogbuild builds any site."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SiteMaker
from tests.integration.clirun import REPO

pytestmark = pytest.mark.slow


def test_a_site_without_a_theme_builds_from_the_installed_wheel(
    site: SiteMaker, tmp_path: Path
) -> None:
    wheels = tmp_path / "wheels"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(REPO)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (wheel,) = wheels.glob("blogbuild-*.whl")
    installed = tmp_path / "installed"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(installed)
    assert "blogbuild/theme/templates/base.html" in names
    assert "blogbuild/theme/assets/css/style.css" in names
    assert "blogbuild/theme/assets/favicon.ico" in names
    # what `blogbuild init` writes into a new site
    assert {"blogbuild/cli/starter/publish.yml", "blogbuild/cli/starter/welcome.md"} <= set(names)
    site.post("2025-01-01-hello.md", "---\ntitle: Привет\n---\nТекст.\n", raw=True)
    env = {**os.environ, "PYTHONPATH": str(installed)}
    built = subprocess.run(
        [sys.executable, "-m", "blogbuild", "build", "--source", str(site.root)],
        capture_output=True, text=True, timeout=120, check=False, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert (site.root / "dist" / "assets" / "css" / "style.css").is_file()
    assert "Привет" in (site.root / "dist" / "posts" / "hello" / "index.html").read_text(
        encoding="utf-8"
    )
    made = subprocess.run(
        [sys.executable, "-m", "blogbuild", "init", str(tmp_path / "new-site")],
        capture_output=True, text=True, timeout=120, check=False, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    workflow = tmp_path / "new-site" / ".github" / "workflows" / "publish.yml"
    assert workflow.read_bytes() == (REPO / ".github" / "workflows" / "publish.yml").read_bytes()


def test_installing_from_a_clone_leaves_the_checkout_untouched(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--no-hardlinks", str(REPO), str(clone)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "-q",
         "--target", str(tmp_path / "target"), str(clone)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "target" / "blogbuild" / "theme" / "templates" / "base.html").is_file()
    status = subprocess.run(
        ["git", "status", "--ignored", "--porcelain"],
        cwd=clone, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert status.stdout == ""
