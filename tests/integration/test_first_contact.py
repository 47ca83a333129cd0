"""A newcomer's first mistakes get a message that points at them, and nothing is created."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_source_folder_that_does_not_exist_is_named_and_not_created(
    tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    done = blogbuild(command, "--source", str(missing))
    assert done.returncode == 2
    assert f"'{missing}' does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # not the folder, not its parents


def test_one_post_is_counted_in_the_singular(site: SiteMaker) -> None:
    site.post("a.md", "---\ntitle: Один\ndate: 2025-01-01\ndescription: О.\n---\nТекст.\n")
    site.post("b.md", "---\ntitle: Черновик\ndate: 2025-01-02\ndraft: true\n---\nТекст.\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert "Built 1 post and " in done.stdout
    assert "1 draft left out" in done.stdout
    assert "1 posts" not in done.stdout and "(s)" not in done.stdout
