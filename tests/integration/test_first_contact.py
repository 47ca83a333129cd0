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


def test_one_fix_in_one_file_is_counted_in_the_singular(site: SiteMaker) -> None:
    body = "Вступление к статье.\n\n**Обзор**\n\nТекст раздела о моделях.\n"
    site.post("a.md", f"---\ntitle: Один\ndate: 2025-01-01\ndescription: О.\n---\n{body}")
    shown = blogbuild("check", "--source", str(site.root), "--diff")
    fixed = blogbuild("check", "--source", str(site.root), "--fix")
    assert "Would fix 1 finding in 1 file." in shown.stderr, shown.stderr
    assert "Fixed 1 finding in 1 file." in fixed.stderr, fixed.stderr


def test_an_impossible_file_name_date_is_told_as_such(site: SiteMaker) -> None:
    site.post("2024-02-30-post.md", "---\ntitle: Дата\n---\nТекст.\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert (
        "content/posts/2024-02-30-post.md: warning: no date in front matter, and the file "
        "name's date '2024-02-30' is not a real date (day is out of range for month)"
    ) in done.stderr


def test_front_matter_without_its_dashes_is_pointed_out(site: SiteMaker) -> None:
    site.post("bare.md", "title: Без черты\ndate: 2025-01-01\n\nТекст.\n")
    site.post("prose.md", "---\ntitle: Обычный\ndate: 2025-01-01\n---\ntitle: одна строка\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert (
        "content/posts/bare.md:1: warning: the first 2 lines look like front matter without "
        "its '---' lines"
    ) in done.stderr
    assert "prose.md:1" not in done.stderr and "prose.md:5" not in done.stderr


def test_a_post_dated_by_its_last_commit_is_told_the_next_edit_moves_it(site: SiteMaker) -> None:
    import subprocess

    site.post("undated.md", "---\ntitle: Без даты\n---\nТекст.\n")
    git = ["git", "-C", str(site.root), "-c", "user.name=A", "-c", "user.email=a@b.c"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert (
        "content/posts/undated.md: warning: no date in front matter or file name: using its "
        "last commit date, which the next edit will move; add `date:`"
    ) in done.stderr
