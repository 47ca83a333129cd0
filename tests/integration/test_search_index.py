"""The search index: made by Pagefind from the post pages, the same for the same input,
made again only when a post page changed, and absent when the site turns search off."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild


def _site(site: SiteMaker) -> Path:
    site.post(
        "2025-01-01-modeli.md", "---\ntitle: Про модель\ndate: 2025-01-01\n---\nМодель учится.\n"
    )
    site.post("2025-01-02-kofe.md", "---\ntitle: Про кофе\ndate: 2025-01-02\n---\nУтренний кофе.\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    return site.root / "dist"


def _index(dist: Path) -> dict[str, bytes]:
    folder = dist / "pagefind"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_the_index_covers_the_posts_in_the_site_language(site: SiteMaker) -> None:
    dist = _site(site)
    entry = json.loads((dist / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["ru"]
    assert entry["languages"]["ru"]["page_count"] == 2  # the posts, not the lists
    assert (dist / "pagefind" / "pagefind-ui.js").is_file()
    search = (dist / "search" / "index.html").read_text(encoding="utf-8")
    assert '<script src="/pagefind/pagefind-ui.js" defer></script>' in search
    home = (dist / "index.html").read_text(encoding="utf-8")
    assert '<form class="site-search" action="/search/" role="search">' in home
    assert "/search/" not in (dist / "sitemap.xml").read_text(encoding="utf-8")  # no content


def test_the_same_site_gives_the_same_index(site: SiteMaker, tmp_path: Path) -> None:
    first = _index(_site(site))
    again = blogbuild(
        "build", "--source", str(site.root), "--out", str(tmp_path / "o"), "--no-cache"
    )
    assert again.returncode == 0, again.stderr
    assert _index(tmp_path / "o") == first


def test_the_index_is_made_again_only_when_a_post_page_changed(site: SiteMaker) -> None:
    dist = _site(site)
    stamps = {p: p.stat().st_mtime_ns for p in (dist / "pagefind").rglob("*") if p.is_file()}
    before = _index(dist)
    post = site.root / "content" / "posts" / "2025-01-01-modeli.md"
    os.utime(post, ns=(post.stat().st_atime_ns, post.stat().st_mtime_ns + 10**9))  # same text
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    post.write_text(
        post.read_text(encoding="utf-8") + "\nНовое слово: трансформер.\n", encoding="utf-8"
    )
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    after = _index(dist)
    assert after != before and after["pagefind-entry.json"] != before["pagefind-entry.json"]


def test_search_off_leaves_out_the_index_the_page_and_the_box(site: SiteMaker) -> None:
    site.config("title: Блог\nsearch: false\n")
    dist = _site(site)
    assert not (dist / "pagefind").exists() and not (dist / "search").exists()
    assert "site-search" not in (dist / "index.html").read_text(encoding="utf-8")


def test_a_search_setting_that_is_not_true_or_false_is_an_error_at_its_line(
    site: SiteMaker,
) -> None:
    site.config("title: Блог\nsearch: yes please\n")
    site.post("2025-01-01-a.md", "---\ntitle: А\ndate: 2025-01-01\n---\nТекст.\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 1
    assert "blogbuild.yaml:2: search: expected true or false, got str" in done.stderr


def test_a_site_whose_posts_hold_no_text_yet_builds_with_a_warning(site: SiteMaker) -> None:
    site.post("2025-01-01-empty.md", "---\ntitle: Пусто\ndate: 2025-01-01\n---\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert "search: warning: no post has text to search yet" in done.stderr
    assert (site.root / "dist" / "posts" / "empty" / "index.html").is_file()
