"""A site's static/ is copied to the root of the output as it is, next to what the build makes."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild
from tests.integration.linkwalk import broken_links


def _site(site: SiteMaker) -> SiteMaker:
    site.config("title: Статика\nbase_url: https://static.example.org/\n")
    site.post(
        "2025-02-01-zametka.md",
        "---\ntitle: Заметка\ncategories: [Заметки]\ndescription: Коротко.\n---\nТекст.\n",
        raw=True,
    )
    return site


def _icons(page: Path) -> list[str]:
    return re.findall(r'<link rel="icon" href="([^"]+)"', page.read_text(encoding="utf-8"))


def test_static_files_land_at_the_root_dotfiles_and_folders_included(site: SiteMaker) -> None:
    _site(site)
    site.file("static/CNAME", "blog.example.org\n")
    site.file("static/.well-known/security.txt", "Contact: mailto:me@example.org\n")
    site.file("static/google1234.html", "google-site-verification: google1234.html\n")
    site.file("static/files/deep/notes.txt", "заметки\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    dist = site.root / "dist"
    for rel in ("CNAME", ".well-known/security.txt", "google1234.html", "files/deep/notes.txt"):
        assert (dist / rel).read_bytes() == (site.root / "static" / rel).read_bytes(), rel
    assert (dist / ".nojekyll").is_file() and (dist / "sitemap.xml").is_file()
    # the theme's icons, both of which exist
    assert _icons(dist / "index.html") == ["/assets/favicon.ico", "/assets/favicon.svg"]
    assert (dist / "assets" / "favicon.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert broken_links(dist) == []


def test_a_static_robots_txt_replaces_the_generated_one(site: SiteMaker) -> None:
    _site(site)
    site.file("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert (site.root / "dist" / "robots.txt").read_text() == "User-agent: *\nDisallow: /drafts/\n"
    assert (
        "static/robots.txt: warning: replaces the generated robots.txt and has no Sitemap: "
        "line; add 'Sitemap: https://static.example.org/sitemap.xml'"
    ) in done.stderr


def test_a_static_robots_txt_with_its_sitemap_is_no_warning(site: SiteMaker) -> None:
    _site(site)
    text = "User-agent: *\nsitemap: https://static.example.org/sitemap.xml\n"
    site.file("static/robots.txt", text)
    site.file("static/.nojekyll", "")  # the same as the generated one: no collision
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert (site.root / "dist" / "robots.txt").read_text() == text
    assert (site.root / "dist" / ".nojekyll").read_bytes() == b""
    assert "robots.txt" not in done.stderr


def test_a_static_file_in_place_of_a_generated_one_is_an_error_naming_both(
    site: SiteMaker,
) -> None:
    _site(site)
    site.file("static/feed.xml", "<feed/>\n")
    site.file("static/posts/zametka/index.html", "<p>старая</p>\n")
    site.file("static/assets/css/style.css", "body{}\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 1
    assert "static/feed.xml: would replace feed.xml, which the build makes" in done.stderr
    assert (
        "static/posts/zametka/index.html: would replace posts/zametka/index.html, "
        "which the build makes"
    ) in done.stderr
    assert (
        "static/assets/css/style.css: would be copied to assets/css/style.css, as the theme's "
        "assets/css/style.css is"
    ) in done.stderr
    assert not (site.root / "dist").exists()


def test_a_cname_setting_and_a_static_cname_collide(site: SiteMaker) -> None:
    _site(site)
    site.config("cname: blog.example.org\n")
    site.file("static/CNAME", "blog.example.org\n")
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 1
    assert "static/CNAME: would replace CNAME, which the build makes" in done.stderr


def test_a_static_favicon_replaces_the_theme_icons(site: SiteMaker) -> None:
    _site(site)
    site.file("static/favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    (site.root / "static" / "favicon.ico").write_bytes(b"\0\0\1\0")
    done = blogbuild("build", "--source", str(site.root), "--base-url", "https://x.org/blog/")
    assert done.returncode == 0, done.stderr
    dist = site.root / "dist"
    for page in (dist / "index.html", dist / "posts" / "zametka" / "index.html"):
        assert _icons(page) == ["/blog/favicon.ico", "/blog/favicon.svg"]
    assert (dist / "favicon.svg").is_file() and (dist / "favicon.ico").is_file()


def test_a_link_out_of_the_site_in_static_is_left_out(site: SiteMaker, tmp_path: Path) -> None:
    _site(site)
    secret = tmp_path / "secret.txt"
    secret.write_text("token\n")
    (site.root / "static").mkdir()
    (site.root / "static" / "leak.txt").symlink_to(secret)
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    assert not (site.root / "dist" / "leak.txt").exists()
    assert "static/leak.txt: warning: a link to a file outside the site" in done.stderr
