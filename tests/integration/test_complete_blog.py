"""A small site built end to end: navigation, feeds, sitemap, SEO and machine outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import jsonfeed  # type: ignore[import-untyped]
import pytest
from lxml import etree

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild
from tests.integration.linkwalk import broken_links

DATA = Path(__file__).resolve().parents[1] / "data"
HOSTILE = 'Кавычки "ИИ" & <теги> </script><script>alert(1)</script>'
BASE = "https://me.github.io/blog/"


def _make_site(site: SiteMaker) -> None:
    site.config(f"title: Блог об ИИ\nauthor: Анна\nbase_url: {BASE}\nposts_per_page: 3\n")
    topics = ["Машинное обучение", "NLP", "Компьютерное зрение"]
    for n in range(1, 25):
        site.post(
            f"2025-{(n - 1) // 4 + 1:02d}-{(n - 1) % 4 * 7 + 1:02d}-post-{n}.md",
            f"---\ntitle: Пост {n}\ncategories: [{topics[n % 3]}]\ntags: [tag{n % 5}, общее]\n"
            f"description: Описание поста {n}\n---\n"
            f"Вступление поста {n}.\n\n## Введение\n\nТекст.\n\n## Методы\n\nТекст.\n\n## Итоги\n\n"
            f"![схема](/assets/img/scheme.png)\n\n[Первый пост](/posts/post-1/)\n",
            raw=True,
        )
    site.post(
        "2025-07-01-hostile.md",
        f"---\ntitle: '{HOSTILE}'\ncategories: [NLP]\nimage: /assets/img/scheme.png\n"
        "ai:\n  model: GPT-4o\n  generated: true\n  reviewed_by: Иван Петров\n---\nТекст.\n",
        raw=True,
    )
    site.file("assets/img/scheme.png", "png")
    site.post(
        "2024-07-02-h1-sections.md",
        "---\ntitle: Разделы первого уровня\n---\nВступление.\n\n# Первый\n\nТекст.\n\n"
        "## Деталь\n\nТекст.\n\n### Мелочь\n\nТекст.\n\n# Второй\n\nТекст.\n",
        raw=True,
    )
    site.post(
        "2024-07-03-deep-sections.md",
        "---\ntitle: Глубокие разделы\n---\nВступление.\n\n### Один\n\nТекст.\n\n"
        "### Два\n\nТекст.\n\n#### Два с половиной\n\nТекст.\n\n### Три\n\nТекст.\n",
        raw=True,
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = SiteMaker(tmp_path_factory.mktemp("complete") / "site")
    _make_site(site)
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr
    return site.root / "dist"


def _page(dist: Path, rel: str) -> str:
    return (dist / rel).read_text(encoding="utf-8")


def test_feed_parses_with_the_newest_twenty_and_absolute_links(dist: Path) -> None:
    feed = feedparser.parse(_page(dist, "feed.xml"))
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == HOSTILE
    for entry in feed.entries:
        assert entry.link.startswith(BASE + "posts/")
        assert entry.published_parsed and entry.updated_parsed
    content = feed.entries[1].content[0].value
    assert f'src="{BASE}assets/img/scheme.png"' in content
    assert f'href="{BASE}posts/post-1/"' in content


def test_category_feeds_hold_only_their_posts(dist: Path) -> None:
    feed = feedparser.parse(_page(dist, "categories/nlp/feed.xml"))
    assert feed.bozo == 0
    assert len(feed.entries) == 9  # posts 1, 4, ..., 22 and the hostile one
    assert all("NLP" in [t.term for t in e.tags] for e in feed.entries)


def test_tag_feeds_hold_only_their_posts_and_their_pages_link_them(dist: Path) -> None:
    feed = feedparser.parse(_page(dist, "tags/tag1/feed.xml"))
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert {e.title for e in feed.entries} == {"Пост 1", "Пост 6", "Пост 11", "Пост 16", "Пост 21"}
    assert 'href="/blog/tags/tag1/feed.xml"' in _page(dist, "tags/tag1/index.html")


def test_the_json_feed_parses_and_carries_the_atom_feeds_entries(dist: Path) -> None:
    feed = jsonfeed.Feed.parse(json.loads(_page(dist, "feed.json")))  # raises if not a feed
    atom = feedparser.parse(_page(dist, "feed.xml"))
    assert feed.version == "https://jsonfeed.org/version/1.1"
    assert feed.feed_url == BASE + "feed.json" and feed.language == "ru"
    assert [item.id for item in feed.items] == [e.id for e in atom.entries]
    assert [item.url for item in feed.items] == [e.link for e in atom.entries]
    assert feed.items[0].title == HOSTILE
    assert f'src="{BASE}assets/img/scheme.png"' in feed.items[1].content_html
    assert "общее" in feed.items[1].tags
    page = _page(dist, "index.html")
    assert '<link rel="alternate" type="application/feed+json"' in page
    assert 'href="/blog/feed.json"' in page


def test_sitemap_is_valid_against_the_schema(dist: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(DATA / "sitemap.xsd")))
    sitemap = etree.parse(str(dist / "sitemap.xml"))
    schema.assertValid(sitemap)
    locs = sitemap.findall(".//{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    urls = {loc.text for loc in locs}
    assert f"{BASE}posts/post-24/" in urls and f"{BASE}tags/" in urls and f"{BASE}archive/" in urls
    assert f"{BASE}404.html" not in urls
    assert "Sitemap: " + BASE + "sitemap.xml" in _page(dist, "robots.txt")


def test_json_ld_survives_a_hostile_title(dist: Path) -> None:
    page = _page(dist, "posts/hostile/index.html")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == HOSTILE
    assert data["author"] == {"@type": "Person", "name": "Анна"}
    assert data["datePublished"] == "2025-07-01T00:00:00+03:00"
    assert data["image"] == BASE + "assets/img/scheme.png"
    assert data["contributor"]["name"] == "GPT-4o"
    assert data["mainEntityOfPage"]["reviewedBy"]["name"] == "Иван Петров"
    assert "<script>alert(1)</script>" not in page


def test_ai_label_is_shown_only_when_declared(dist: Path) -> None:
    assert "Текст создан моделью GPT-4o" in _page(dist, "posts/hostile/index.html")
    assert "проверен: Иван Петров" in _page(dist, "posts/hostile/index.html")
    assert "ai-label" not in _page(dist, "posts/post-3/index.html")


def test_head_has_canonical_open_graph_twitter_and_feed_links(dist: Path) -> None:
    page = _page(dist, "posts/post-7/index.html")
    assert f'<link rel="canonical" href="{BASE}posts/post-7/">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta name="description" content="Описание поста 7">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    assert 'type="application/atom+xml"' in page and 'href="/blog/feed.xml"' in page
    hostile = _page(dist, "posts/hostile/index.html")
    assert f'<meta property="og:image" content="{BASE}assets/img/scheme.png">' in hostile
    assert '<meta name="twitter:card" content="summary_large_image">' in hostile


def test_navigation_pages_exist(dist: Path) -> None:
    assert "Архив" in _page(dist, "archive/index.html")
    archive = _page(dist, "archive/index.html")
    assert "Июль 2025" in archive and "Январь 2025" in archive
    assert archive.index("Июль 2025") < archive.index("Январь 2025")
    tags = _page(dist, "tags/index.html")
    assert 'href="/blog/tags/obschee/"' in tags
    assert (dist / "tags" / "obschee" / "page" / "2" / "index.html").is_file()
    assert 'href="/blog/categories/mashinnoe-obuchenie/"' in _page(dist, "categories/index.html")


def test_post_has_toc_breadcrumbs_prev_next_and_related(dist: Path) -> None:
    page = _page(dist, "posts/post-5/index.html")
    toc = page.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="#([^"]+)"', toc) == ["введение", "методы", "итоги"]
    assert 'id="введение"' in page
    assert 'class="breadcrumbs"' in page and 'href="/blog/categories/' in page
    assert 'rel="prev" href="/blog/posts/post-4/"' in page
    assert 'rel="next" href="/blog/posts/post-6/"' in page
    related = page.split('class="related"', 1)[1].split("</aside>", 1)[0]
    assert len(re.findall(r"<li>", related)) == 3


def _toc(page: str) -> list[tuple[str, str]]:
    toc = page.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<li class="toc__level-(\d)"><a href="#([^"]+)"', toc)


def test_h1_sections_make_the_toc_and_the_title_stays_the_only_h1(dist: Path) -> None:
    page = _page(dist, "posts/h1-sections/index.html")
    assert _toc(page) == [("2", "первый"), ("3", "деталь"), ("2", "второй")]
    assert page.count("<h1") == 1 and '<h2 id="первый">' in page


def test_a_post_whose_sections_start_deeper_gets_its_toc_from_its_top_level(
    dist: Path,
) -> None:
    page = _page(dist, "posts/deep-sections/index.html")
    assert _toc(page) == [("2", "один"), ("2", "два"), ("3", "два-с-половиной"), ("2", "три")]


def test_related_posts_prefer_shared_tags_and_categories(dist: Path) -> None:
    # post 5 has tag0 (like 10, 15, 20) and its category (like 2, 8, ..., 20, 23); all share "общее"
    page = _page(dist, "posts/post-5/index.html")
    related = re.findall(
        r'href="/blog/posts/(post-\d+)/"',
        page.split('class="related"', 1)[1].split("</aside>", 1)[0],
    )
    assert related == ["post-20", "post-10", "post-15"]


def test_every_internal_link_finds_its_target(dist: Path) -> None:
    assert broken_links(dist, "/blog/") == []


def test_llms_txt_lists_every_post_and_markdown_copies_exist(dist: Path) -> None:
    llms = _page(dist, "llms.txt")
    assert llms.startswith("# Блог об ИИ")
    assert len(re.findall(r"^- \[", llms, re.M)) == 27  # 24 numbered, hostile, 2 outlines
    assert f"({BASE}posts/post-12/index.md)" in llms
    copy = _page(dist, "posts/post-12/index.md")
    assert copy.startswith("# Пост 12") and "## Методы" in copy
