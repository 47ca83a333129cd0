"""`blogbuild build` in a Jekyll site folder builds it in place, as Jekyll would."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.integration.clirun import blogbuild


def _jekyll_site(root: Path) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text(
        "title: Jekyll notes\nlang: en\npermalink: /:year/:month/:day/:title/\ntheme: minima\n",
        encoding="utf-8",
    )
    (root / "_posts" / "2021-05-06-first-note.md").write_text(
        "---\ntitle: First note\n---\nSee [the second]({% post_url 2021-06-07-second %}).\n",
        encoding="utf-8",
    )
    (root / "_posts" / "2021-06-07-second.html").write_text(
        "---\ntitle: Second\n---\n<p>Written    in <em>HTML</em>.</p>\n\n    <p>indented</p>\n",
        encoding="utf-8",
    )
    (root / "_drafts" / "unfinished.md").write_text("---\ntitle: Later\n---\nSoon.\n", "utf-8")
    _settled(root)
    return root


def _settled(root: Path) -> None:
    """Files written a while ago: a build trusts no size and mtime of a file just written."""
    past = time.time() - 60
    for path in root.rglob("*"):
        os.utime(path, (past, past))


def test_a_jekyll_site_builds_in_place_with_its_urls(tmp_path: Path) -> None:
    root = _jekyll_site(tmp_path / "site")
    done = blogbuild("build", "--source", str(root))
    assert done.returncode == 0, done.stderr
    assert "Jekyll site (_config.yml)" in done.stderr
    assert "file name's date" not in done.stderr  # Jekyll dates posts by their file names
    assert done.stderr.count("not used by blogbuild") == 1 and "theme" in done.stderr
    first = (root / "_site" / "2021/05/06/first-note/index.html").read_text(encoding="utf-8")
    assert 'href="/2021/06/07/second/"' in first
    second = (root / "_site" / "2021/06/07/second/index.html").read_text(encoding="utf-8")
    assert "<em>HTML</em>" in second and "<pre" not in second  # HTML, not read as Markdown
    assert not (root / "_site" / "posts").exists()
    assert not (root / "dist").exists()  # where Jekyll writes, which its .gitignore covers
    assert '<html lang="en"' in first


def test_an_edited_jekyll_post_is_never_taken_for_nothing_changed(tmp_path: Path) -> None:
    root = _jekyll_site(tmp_path / "site")
    assert blogbuild("build", "--source", str(root)).returncode == 0
    again = blogbuild("build", "--source", str(root))
    assert "(nothing changed)" in again.stdout
    post = root / "_posts" / "2021-05-06-first-note.md"
    post.write_text("---\ntitle: First note, edited\n---\nNew words.\n", encoding="utf-8")
    os.utime(post, (time.time() - 30, time.time() - 30))
    edited = blogbuild("build", "--source", str(root))
    assert edited.returncode == 0 and "(nothing changed)" not in edited.stdout
    page = (root / "_site" / "2021/05/06/first-note/index.html").read_text(encoding="utf-8")
    assert "New words." in page


def test_a_jekyll_post_whose_front_matter_jekyll_cannot_read_is_published(
    tmp_path: Path,
) -> None:
    root = _jekyll_site(tmp_path / "site")
    bad = root / "_posts" / "2021-07-08-ml.md"
    bad.write_text('---\ntitle: ""Машинное обучение""\n---\nТекст поста.\n', "utf-8")
    done = blogbuild("build", "--source", str(root))
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "2021-07-08-ml.md" in line]
    assert len(said) == 1 and "_posts/2021-07-08-ml.md:2:" in said[0], done.stderr
    assert "as Jekyll does" in said[0]
    page = (root / "_site" / "2021/07/08/ml/index.html").read_text(encoding="utf-8")
    assert "Текст поста." in page and "Машинное" not in page


def test_the_first_build_names_the_folders_git_would_track(tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        raise AssertionError("git is needed to tell which folders a repository ignores")
    root = _jekyll_site(tmp_path / "site")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text("_site/\n", encoding="utf-8")
    first = blogbuild("build", "--source", str(root))
    assert first.returncode == 0, first.stderr
    assert ".gitignore: warning: blogbuild writes .blogbuild-cache/ here" in first.stderr
    (root / "_posts" / "2021-05-06-first-note.md").write_text("---\ntitle: F\n---\nB.\n", "utf-8")
    again = blogbuild("build", "--source", str(root))
    assert again.returncode == 0 and ".gitignore" not in again.stderr, again.stderr


def test_a_migrated_blogs_missing_metadata_informs_unless_asked_for(tmp_path: Path) -> None:
    root = _jekyll_site(tmp_path / "site")
    checked = blogbuild("check", "--source", str(root))
    found = [line for line in checked.stdout.splitlines() if "2021-05-06-first-note" in line]
    assert any(" info missing-description " in line for line in found), checked.stdout
    assert any(" info missing-category " in line for line in found), checked.stdout
    (root / "blogbuild.yaml").write_text(
        "check:\n  rules:\n    missing-description: warning\n", encoding="utf-8"
    )
    asked = blogbuild("check", "--source", str(root))
    assert " warning missing-description " in asked.stdout, asked.stdout


def test_a_jekyll_post_in_a_folders_posts_is_in_that_category(tmp_path: Path) -> None:
    root = _jekyll_site(tmp_path / "site")
    (root / "ai" / "_posts").mkdir(parents=True)
    (root / "ai" / "_posts" / "2021-08-09-agents.md").write_text(
        "---\ntitle: Agents\ncategories: [notes]\npermalink: /:categories/:title/\n---\nText.\n",
        encoding="utf-8",
    )
    done = blogbuild("build", "--source", str(root))
    assert done.returncode == 0, done.stderr
    page = (root / "_site" / "ai/notes/agents/index.html").read_text("utf-8")
    assert "Text." in page  # /:categories/ puts the folder's category first, as Jekyll does
    assert (root / "_site" / "categories" / "ai" / "index.html").is_file()
