"""Every small site under tests/sites/<case>/ builds, says what its expected.txt says, and
shows on its pages what its author meant."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.integration.clirun import blogbuild

SITES = Path(__file__).resolve().parents[1] / "sites"
CASES = sorted(p.name for p in SITES.iterdir() if (p / "expected.txt").is_file())


def _page(dist: Path, rel: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((dist / rel).read_bytes())


def _post_dates(dist: Path) -> dict[str, str]:
    """Each post's title and the datetime of its <time>, from the archive page."""
    archive = _page(dist, "archive/index.html")
    return {
        item.findtext("a"): item.find("time").get("datetime")
        for item in archive.iter("li")
        if item.find("time") is not None
    }


def _page_bundle(dist: Path, source: Path) -> None:
    post = _page(dist, "posts/cover-story/index.html")
    assert set(post.xpath("//article//img/@src")) == {"/posts/cover-story/cover.png"}
    # the front matter's `image: cover.png` is the bundle's file too
    assert post.xpath("//meta[@property='og:image']/@content") == ["/posts/cover-story/cover.png"]
    hrefs = post.xpath("//article//a/@href")
    assert "/posts/cover-story/data/table.csv" in hrefs and "#top" in hrefs
    bundle = source / "content" / "posts" / "cover-story"
    assert (dist / "posts/cover-story/cover.png").read_bytes() == (
        bundle / "cover.png"
    ).read_bytes()
    assert (dist / "posts/cover-story/data/table.csv").is_file()
    notes = _page(dist, "posts/notes/index.html")
    assert notes.xpath("//article//img/@src") == ["/posts/notes/diagram.svg"]
    assert (dist / "posts/notes/diagram.svg").is_file()
    assert not (dist / "posts/index").exists()
    home = (dist / "index.html").read_text(encoding="utf-8")
    assert 'src="cover.png"' not in home  # excerpts keep working away from the post


def _image_mapping(dist: Path, source: Path) -> None:
    for slug, image in (("path", "a.png"), ("feature", "b.png"), ("src", "c.png")):
        post = _page(dist, f"posts/{slug}/index.html")
        assert post.xpath("//meta[@property='og:image']/@content") == [
            f"https://blog.example.org/assets/img/{image}"
        ]


def _date_forms(dist: Path, source: Path) -> None:
    expected = {
        "space-in-offset": "2015-08-22T18:00:00+00:00",
        "offset-no-colon": "2025-09-27T07:30:00+00:00",
        "offset-colon-t": "2025-09-27T07:30:00+00:00",
        "fraction": "2025-09-27T07:30:00.123456+00:00",
        "utc-name": "2025-09-27T10:30:00+00:00",
        "gmt-name": "2025-09-27T10:30:00+00:00",
        "msk-name": "2025-09-27T07:30:00+00:00",
        "iana-name": "2025-01-27T09:30:00+00:00",
        "english-month": "2025-09-27T22:30:00+00:00",
        "russian-month": "2025-09-27T00:00:00+00:00",
        "rfc-2822": "2025-09-27T10:30:00+00:00",
        "two-digit-year": "2025-09-27T00:00:00+00:00",
        "short-year-file": "2021-01-19T00:00:00+00:00",
    }
    dates = _post_dates(dist)
    assert {title: dates[title][:19] for title in expected} == {
        title: iso[:19] for title, iso in expected.items()
    }
    assert (dist / "posts/short-year-file/index.html").is_file()


def _drafts(dist: Path, source: Path) -> None:
    assert sorted(p.name for p in (dist / "posts").iterdir()) == ["public"]
    home = (dist / "index.html").read_text(encoding="utf-8")
    assert "Раздел" not in home and "Кусок" not in home
    shown = blogbuild("build", "--source", str(source), "--drafts", "--out", str(source / "d2"))
    assert shown.returncode == 0, shown.stderr
    assert sorted(p.name for p in (source / "d2" / "posts").iterdir()) == [
        "idea", "public", "unpublished",
    ]  # fmt: skip


def _front_matter_quirks(dist: Path, source: Path) -> None:
    titles = {
        slug: _page(dist, f"posts/{slug}/index.html").findtext(".//h1").strip()
        for slug in ("blank-lines", "bom-after-blank", "dots", "empty-block",
                     "toml-after-blank", "entity", "video-only")
    }  # fmt: skip
    assert titles == {
        "blank-lines": "После пустых строк",
        "bom-after-blank": "BOM после пустой строки",
        "dots": "Конец многоточием",
        "empty-block": "Заголовок из текста и ссылки",
        "toml-after-blank": "Hugo с большой буквы",
        "entity": "I\u2019ve seen & said",
        "video-only": "Video Only",
    }
    raw = (dist / "posts/entity/index.html").read_text(encoding="utf-8")
    assert "&amp;#8217;" not in raw and "&amp;amp;" not in raw


def _empty_posts(dist: Path, source: Path) -> None:
    assert sorted(p.name for p in (dist / "posts").iterdir()) == ["full", "no-body"]


def _term_slugs(dist: Path, source: Path) -> None:
    tags = {p.name for p in (dist / "tags").iterdir() if p.is_dir() and p.name != "page"}
    assert {"c-plus-plus", "c-sharp", "c", "ii"} <= tags
    assert all(len(name) < 200 for name in tags)
    posts = [p.name for p in (dist / "posts").iterdir()]
    assert any(re.fullmatch(r"(word-){20,}[0-9a-f]{8}", name) for name in posts), posts


def _lenient_front_matter(dist: Path, source: Path) -> None:
    assert sorted(p.name for p in (dist / "posts").iterdir()) == ["image", "tags", "x"]
    tags = {p.name for p in (dist / "tags").iterdir() if p.is_dir()}
    assert {"2020", "ai", "ml", "1-5"} <= tags
    assert (dist / "categories" / "7" / "index.html").is_file()


def _url_collisions(dist: Path, source: Path) -> None:
    # the earliest post keeps the URL; the later ones are built, not dropped
    titles = {
        url: _page(dist, f"{url.strip('/')}/index.html").findtext(".//h1").strip()
        for url in ("/posts/same/", "/posts/same-2/", "/posts/same-3/")
    }
    assert titles == {
        "/posts/same/": "Первый",
        "/posts/same-2/": "Второй",
        "/posts/same-3/": "Третий",
    }


def _old_urls(dist: Path, source: Path) -> None:
    def sends_to(rel: str) -> str:
        page = _page(dist, rel)
        [refresh] = page.xpath("//meta[@http-equiv='refresh']/@content")
        assert page.xpath("//link[@rel='canonical']/@href") == [
            "https://blog.example.org/notes/posts/moved/"
        ]
        assert page.xpath("//a/@href") == [refresh.partition("url=")[2]]
        return refresh

    for rel in (
        "2024/03/01/moved-post/index.html",
        "p/123/index.html",
        "posts/moved/old-name.html",
    ):
        assert sends_to(rel) == "0; url=/notes/posts/moved/"
    assert not (dist / "posts/other/index.html").read_text(encoding="utf-8").count("refresh")
    assert (dist / "_redirects").read_text(encoding="utf-8").splitlines() == [
        "/notes/2024/03/01/moved-post/ /notes/posts/moved/ 301",
        "/notes/p/123/ /notes/posts/moved/ 301",
        "/notes/posts/moved/old-name.html /notes/posts/moved/ 301",
    ]
    sitemap = (dist / "sitemap.xml").read_text(encoding="utf-8")
    assert "/posts/moved/" in sitemap and "/p/123/" not in sitemap and "moved-post" not in sitemap


def _language_from_posts(dist: Path, source: Path) -> None:
    for rel in ("index.html", "posts/hello/index.html", "archive/index.html"):
        assert _page(dist, rel).get("lang") == "en"
    assert _page(dist, "archive/index.html").findtext(".//h1").strip() == "Archive"


CHECKS: dict[str, Callable[[Path, Path], None]] = {
    "page-bundle": _page_bundle,
    "image-mapping": _image_mapping,
    "date-forms": _date_forms,
    "drafts": _drafts,
    "front-matter-quirks": _front_matter_quirks,
    "empty-posts": _empty_posts,
    "term-slugs": _term_slugs,
    "lenient-front-matter": _lenient_front_matter,
    "url-collisions": _url_collisions,
    "old-urls": _old_urls,
    "language-from-posts": _language_from_posts,
}


def test_every_case_has_its_checks() -> None:
    assert sorted(CHECKS) == CASES


@pytest.mark.parametrize("case", CASES)
def test_site_builds_as_its_author_meant(case: str, tmp_path: Path) -> None:
    source = tmp_path / case
    shutil.copytree(SITES / case, source, ignore=shutil.ignore_patterns("expected.txt"))
    done = blogbuild("build", "--source", str(source))
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "Traceback" not in said and "unexpected error" not in said
    for expected in (SITES / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert expected in said, f"missing {expected!r} in:\n{said}"
    if not (source / "blogbuild.yaml").is_file():  # said once, naming no missing file
        assert said.count("base_url has no host") == 1
        assert "blogbuild.yaml" not in said
    CHECKS[case](source / "dist", source)


def test_check_of_a_site_that_cannot_be_built_still_prints_its_json(tmp_path: Path) -> None:
    source = tmp_path / "site"
    shutil.copytree(SITES / "invalid" / "many-problems", source)
    done = blogbuild("check", "--source", str(source), "--format", "json")
    assert done.returncode == 1
    findings = json.loads(done.stdout)
    assert [(f["path"], f["line"], f["rule"]) for f in findings] == [
        ("content/posts/a.md", 3, "build-problem"),
        ("content/posts/b.md", 2, "build-problem"),
        ("content/posts/c.md", 3, "build-problem"),
    ]
    assert all(f["severity"] == "error" for f in findings)
    assert not (source / "dist").exists()
