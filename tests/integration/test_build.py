"""Building small sites end to end through the command line."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _posts(site: SiteMaker, count: int, **front: str) -> None:
    extra = "".join(f"{k}: {v}\n" for k, v in front.items())
    for n in range(1, count + 1):
        site.post(
            f"2025-01-{n:02d}-post-{n}.md",
            f"---\ntitle: Пост номер {n}\ncategories: [Машинное обучение]\n{extra}---\n"
            f"Первый абзац поста {n}.\n\n## Раздел\n\nВторой абзац.\n",
            raw=True,
        )


def test_same_input_gives_byte_identical_dist(site: SiteMaker, tmp_path: Path) -> None:
    _posts(site, 12)
    first = blogbuild("build", "--source", str(site.root), "--out", str(tmp_path / "a"))
    second = blogbuild("build", "--source", str(site.root), "--out", str(tmp_path / "b"))
    assert first.returncode == second.returncode == 0, first.stderr
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_pagination_and_category_pages(site: SiteMaker) -> None:
    _posts(site, 12)
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    dist = site.root / "dist"
    first = (dist / "index.html").read_text(encoding="utf-8")
    second = (dist / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert first.count('class="post-card"') == 10
    assert second.count('class="post-card"') == 2
    assert 'href="/page/2/"' in first and 'href="/"' in second
    category = dist / "categories" / "mashinnoe-obuchenie"
    assert (category / "index.html").is_file() and (
        category / "page" / "2" / "index.html"
    ).is_file()
    assert re.search(r"Built 12 posts and \d+ pages into .* in \d+\.\d\d s", done.stdout)


def test_subpath_base_url_prefixes_every_root_relative_url(site: SiteMaker) -> None:
    _posts(site, 2)
    site.post(
        "2025-02-01-image.md",
        "---\ntitle: С картинкой\n---\n![схема](/assets/img/a.png)\n[ссылка](/posts/post-1/)\n",
        raw=True,
    )
    done = blogbuild(
        "build", "--source", str(site.root), "--base-url", "https://me.github.io/blog/"
    )
    assert done.returncode == 0, done.stderr
    dist = site.root / "dist"
    for page in dist.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        stray = re.findall(r'(?:href|src)="(/(?!blog/)[^"]*)"', html)
        assert not stray, f"{page}: {stray}"
    post = (dist / "posts" / "image" / "index.html").read_text(encoding="utf-8")
    assert 'src="/blog/assets/img/a.png"' in post
    assert 'href="/blog/posts/post-1/"' in post
    assert 'href="/blog/assets/css/style.css"' in post


def test_drafts_and_future_posts_are_left_out_and_counted(site: SiteMaker) -> None:
    _posts(site, 1)
    site.post("draft.md", "---\ntitle: Черновик\ndate: 2025-01-05\ndraft: true\n---\nx\n", raw=True)
    site.post(
        "hidden.md", "---\ntitle: Скрыт\ndate: 2025-01-05\npublished: false\n---\nx\n", raw=True
    )
    site.post("later.md", "---\ntitle: Потом\ndate: 2999-01-01\n---\nx\n", raw=True)
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert "2 drafts left out" in done.stdout and "1 future post left out" in done.stdout
    assert not (site.root / "dist" / "posts" / "draft").exists()
    assert not (site.root / "dist" / "posts" / "later").exists()
    shown = blogbuild("build", "--source", str(site.root), "--drafts", "--future")
    assert shown.returncode == 0, shown.stderr
    for slug in ("draft", "hidden", "later"):
        assert (site.root / "dist" / "posts" / slug / "index.html").is_file()


def test_unchanged_files_keep_their_mtime(site: SiteMaker) -> None:
    _posts(site, 3)
    post = site.root / "content" / "posts" / "2025-01-02-post-2.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nЧерновик.\n", encoding="utf-8")
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    dist = site.root / "dist"
    stamps = {p: p.stat().st_mtime_ns for p in dist.rglob("*") if p.is_file()}
    # a word no other post has, so related-post rankings stay as they were
    post.write_text(
        post.read_text(encoding="utf-8").replace("Черновик.", "Правка."), encoding="utf-8"
    )
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    changed = {
        p.relative_to(dist).as_posix()
        for p, t in stamps.items()
        if not p.exists() or p.stat().st_mtime_ns != t
    }
    assert "posts/post-2/index.html" in changed
    assert "posts/post-1/index.html" not in changed
    assert "assets/css/style.css" not in changed


def test_output_folder_that_is_not_a_site_is_not_replaced(site: SiteMaker, tmp_path: Path) -> None:
    _posts(site, 1)
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work", encoding="utf-8")
    (precious / "index.html").write_text("my own home page", encoding="utf-8")
    done = blogbuild("build", "--source", str(site.root), "--out", str(precious))
    assert done.returncode == 1
    assert "no .blogbuild-manifest.json" in done.stderr and "--force" in done.stderr
    assert "Build failed: 1 problem; nothing was written." in done.stderr
    assert sorted(p.name for p in precious.iterdir()) == ["index.html", "thesis.docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents", "site"]


def test_forced_into_a_folder_of_ones_own_files_keeps_them(site: SiteMaker, tmp_path: Path) -> None:
    _posts(site, 2)
    folder = tmp_path / "www"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "me.jpg").write_bytes(b"\xff\xd8 jpeg")
    (folder / "CNAME").write_text("blog.example.org\n", encoding="utf-8")
    (folder / "cv.pdf").write_bytes(b"%PDF-1.4")
    done = blogbuild("build", "--source", str(site.root), "--out", str(folder), "--force")
    assert done.returncode == 0, done.stderr
    assert "kept 3 files that blogbuild did not write" in done.stderr
    assert (folder / "index.html").is_file() and (folder / "photos" / "me.jpg").is_file()
    _posts(site, 3)  # a new post: a real rebuild, not "nothing changed"
    again = blogbuild("build", "--source", str(site.root), "--out", str(folder))
    assert again.returncode == 0, again.stderr
    assert "did not write" not in again.stderr  # said once
    assert (folder / "CNAME").read_text(encoding="utf-8") == "blog.example.org\n"
    assert (folder / "cv.pdf").read_bytes() == b"%PDF-1.4"
    assert (folder / "posts" / "post-3" / "index.html").is_file()


def test_files_put_into_dist_by_hand_survive_rebuilds(site: SiteMaker) -> None:
    _posts(site, 2)
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    dist = site.root / "dist"
    (dist / "CNAME").write_text("blog.example.org\n", encoding="utf-8")
    (dist / "cv.pdf").write_bytes(b"%PDF-1.4")  # .nojekyll is the build's own now
    (site.root / "content" / "posts" / "2025-01-02-post-2.md").unlink()
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert not (dist / "posts" / "post-2").exists()  # its own stale pages go
    assert (dist / "CNAME").is_file() and (dist / "cv.pdf").is_file()
    assert "kept 2 files that blogbuild did not write: CNAME, cv.pdf" in done.stderr


@pytest.mark.parametrize("inside", [".blogbuild-cache", "content", "templates", "assets/x"])
def test_output_inside_the_sources_is_refused(site: SiteMaker, inside: str) -> None:
    _posts(site, 1)
    done = blogbuild("build", "--source", str(site.root), "--out", str(site.root / inside))
    assert done.returncode == 1
    assert "the output folder must not be inside" in done.stderr
    assert "Traceback" not in done.stderr


def test_usage_errors_exit_2(site: SiteMaker) -> None:
    assert blogbuild("build", "--no-such-flag").returncode == 2
    assert blogbuild("frobnicate").returncode == 2


def test_site_templates_override_the_theme_file_by_file(site: SiteMaker) -> None:
    _posts(site, 1)
    site.file(
        "templates/partials/post_meta.html",
        '<p class="custom-meta">{{ post.date | long_date }}</p>\n',
    )
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    page = (site.root / "dist" / "posts" / "post-1" / "index.html").read_text(encoding="utf-8")
    assert '<p class="custom-meta">1 января 2025\u202fг.</p>' in page
    assert 'class="post__title"' in page  # the rest still comes from the theme


def test_language_en_gives_an_english_blog(site: SiteMaker) -> None:
    site.config("title: AI notes\nlanguage: en\ntimezone: UTC\n")
    site.post(
        "2025-09-27-hello.md",
        "---\ntitle: Hello\ncategories: [Research]\n---\nA short post.\n",
        raw=True,
    )
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    page = (site.root / "dist" / "posts" / "hello" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    assert "September 27, 2025" in page and "1 min read" in page
    assert "Home" in page and "Главная" not in page
    assert '<meta property="og:locale" content="en_US">' in page
    archive = (site.root / "dist" / "archive" / "index.html").read_text(encoding="utf-8")
    assert "September 2025" in archive and "Archive" in archive


def test_a_recreated_output_folder_without_a_manifest_is_refused(site: SiteMaker) -> None:
    _posts(site, 2)
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    dist = site.root / "dist"
    shutil.rmtree(dist)  # the cache still remembers building into this path
    dist.mkdir()
    (dist / "index.html").write_bytes(b"<p>mine</p>\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 1
    assert f"{dist}: the folder holds files but no .blogbuild-manifest.json" in done.stderr
    assert (dist / "index.html").read_bytes() == b"<p>mine</p>\n"
    assert sorted(os.listdir(dist)) == ["index.html"]


def test_a_refused_output_folder_is_reported_with_the_other_problems(
    site: SiteMaker, tmp_path: Path
) -> None:
    site.post("2025-01-01-bad.md", "---\ntitle: [unclosed\n---\nТекст.\n", raw=True)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    done = blogbuild("build", "--source", str(site.root), "--out", str(folder))
    assert done.returncode == 1
    assert "no .blogbuild-manifest.json" in done.stderr
    assert "content/posts/2025-01-01-bad.md:" in done.stderr and "YAML" in done.stderr
    assert "Build failed: 2 problems; nothing was written." in done.stderr


@pytest.mark.slow  # six pairs of builds: in the full suite, not the inner loop
@pytest.mark.parametrize("cached", [True, False], ids=["cached", "no-cache"])
@pytest.mark.parametrize("case", ["new-post-page", "cname-over-a-file", "tag-folder-over-a-file"])
def test_a_hand_placed_file_at_a_path_the_build_starts_making_is_never_overwritten(
    site: SiteMaker, case: str, cached: bool
) -> None:
    _posts(site, 1)
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    dist = site.root / "dist"
    placed = {
        "new-post-page": dist / "posts" / "fresh" / "index.html",
        "cname-over-a-file": dist / "CNAME",
        "tag-folder-over-a-file": dist / "tags" / "novy",  # the slug of "новый"
    }[case]
    placed.parent.mkdir(parents=True, exist_ok=True)
    placed.write_bytes(b"mine")
    if case == "cname-over-a-file":
        site.config("cname: blog.example.org\n")
    else:
        tags = "\ntags: [новый]" if case == "tag-folder-over-a-file" else ""
        site.post("2025-03-01-fresh.md", f"---\ntitle: Свежий\ndate: 2025-03-01{tags}\n---\nx\n")
    flags = [] if cached else ["--no-cache"]
    done = blogbuild("build", "--source", str(site.root), *flags)
    assert done.returncode == 1, done.stdout
    assert "not written by blogbuild" in done.stderr
    assert placed.read_bytes() == b"mine"
