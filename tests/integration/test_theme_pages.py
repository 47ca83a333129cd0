"""What the default theme writes into pages: the update date, the toggle's words, the contents."""

from __future__ import annotations

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild


def _build(site: SiteMaker) -> None:
    done = blogbuild("build", "--source", str(site.root))
    assert done.returncode == 0, done.stderr


def _page(site: SiteMaker, rel: str) -> str:
    return (site.root / "dist" / rel).read_text(encoding="utf-8")


def test_an_update_on_a_later_day_is_shown_and_one_on_the_same_day_is_not(
    site: SiteMaker,
) -> None:
    site.post("later.md", "---\ntitle: Позже\ndate: 2025-03-01\nupdated: 2025-04-15\n---\nТекст.\n")
    site.post(
        "same.md",
        "---\ntitle: Тот же день\ndate: 2025-03-01 09:00\nupdated: 2025-03-01 18:00\n---\nТекст.\n",
    )
    _build(site)
    later = _page(site, "posts/later/index.html")
    assert 'Обновлено: <time datetime="2025-04-15T00:00:00' in later
    assert "15 апреля 2025" in later
    assert "Обновлено:" not in _page(site, "posts/same/index.html")


def test_the_theme_toggle_speaks_the_site_language(site: SiteMaker) -> None:
    site.post("a.md", "---\ntitle: Пост\ndate: 2025-03-01\n---\nТекст.\n")
    _build(site)
    home = _page(site, "index.html")
    assert 'aria-label="Включить тёмную тему"' in home
    assert 'data-label-light="Включить светлую тему"' in home
    assert "Light/dark" not in home

    english = SiteMaker(site.root.parent / "english")
    english.config("language: en\n")
    english.post("a.md", "---\ntitle: Post\ndate: 2025-03-01\n---\nText.\n")
    _build(english)
    assert 'aria-label="Switch to the dark theme"' in _page(english, "index.html")


def test_the_contents_are_folded_in_the_page_itself(site: SiteMaker) -> None:
    # without scripts (and before they run) the contents do not push the text down
    body = "\n\n".join(f"## Раздел {n}\n\nТекст." for n in range(1, 5))
    site.post("long.md", f"---\ntitle: Длинный\ndate: 2025-03-01\n---\nВступление.\n\n{body}\n")
    _build(site)
    page = _page(site, "posts/long/index.html")
    toc = page.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    assert '<details class="toc__details">' in toc and " open" not in toc


def test_section_headings_link_to_themselves_in_the_page_not_in_the_feed(
    site: SiteMaker,
) -> None:
    site.post("a.md", "---\ntitle: Пост\ndate: 2025-03-01\n---\nТекст.\n\n## Методы\n\nТекст.\n")
    _build(site)
    page = _page(site, "posts/a/index.html")
    assert (
        '<h2 id="методы">Методы <a class="heading-anchor" href="#методы"'
        ' aria-label="Ссылка на раздел: Методы" data-pagefind-ignore>#</a></h2>'
    ) in page
    assert "heading-anchor" not in _page(site, "feed.xml")


def test_the_code_stylesheet_loads_only_on_pages_with_code(site: SiteMaker) -> None:
    site.post("2025-01-01-code.md", "---\ntitle: Код\n---\n```python\nprint(1)\n```\n")
    site.post("2025-01-02-text.md", "---\ntitle: Текст\n---\nТолько `print` в строке.\n")
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    dist = site.root / "dist"
    link = '<link rel="stylesheet" href="/assets/css/highlight.css">'
    assert link in (dist / "posts" / "code" / "index.html").read_text(encoding="utf-8")
    for page in ("posts/text/index.html", "index.html", "archive/index.html", "404.html"):
        assert link not in (dist / page).read_text(encoding="utf-8"), page
    assert (dist / "assets" / "css" / "highlight.css").is_file()


def test_the_menu_links_the_tags_only_when_there_are_tags(site: SiteMaker) -> None:
    site.post("a.md", "---\ntitle: Пост\ndate: 2025-03-01\ncategories: [ИИ]\n---\nТекст.\n")
    _build(site)
    untagged = _page(site, "index.html").split('<nav class="site-nav"', 1)[1].split("</nav>")[0]
    site.post("b.md", "---\ntitle: Второй\ndate: 2025-03-02\ntags: [модели]\n---\nТекст.\n")
    _build(site)
    tagged = _page(site, "index.html").split('<nav class="site-nav"', 1)[1].split("</nav>")[0]
    assert 'href="/categories/"' in untagged and 'href="/tags/"' not in untagged
    assert ">Теги</a>" in tagged and 'href="/tags/"' in tagged
    # and a page that lists no post keeps the link out too, after an incremental build
    assert ">Теги</a>" in _page(site, "archive/index.html")


def test_the_home_page_has_one_h1_and_later_pages_say_which_they_are(site: SiteMaker) -> None:
    site.config("title: Блог\nposts_per_page: 1\n")
    for n in (1, 2):
        site.post(f"p{n}.md", f"---\ntitle: Пост {n}\ndate: 2025-03-0{n}\n---\nТекст.\n")
    _build(site)
    home, second = _page(site, "index.html"), _page(site, "page/2/index.html")
    assert home.count("<h1") == 1 and '<h1 class="visually-hidden">Блог</h1>' in home
    assert second.count("<h1") == 1 and ">Страница 2 из 2</h1>" in second
