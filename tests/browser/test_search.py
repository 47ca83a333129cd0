"""Search in a real browser: the header's box leads to the search page, and Pagefind finds
a Russian word in another of its forms."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.builtsite import page_without_script, served_posts

pytestmark = pytest.mark.slow

POSTS = {
    "2025-01-01-modeli.md": "---\ntitle: Про модель\ndate: 2025-01-01\n---\n"
    "Генеративная модель учится на данных и пишет тексты.\n",
    "2025-01-02-kofe.md": "---\ntitle: Про кофе\ndate: 2025-01-02\n---\n"
    "Утренний кофе и прогулка по парку.\n",
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_posts(tmp_path_factory.mktemp("search"), POSTS) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_inflected_word_typed_in_the_header_finds_the_post(
    browser: Browser, site_url: str, scheme: str
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 800}, color_scheme=scheme)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "/")
    page.fill(".site-search__input", "моделями")  # the post says "модель"
    page.press(".site-search__input", "Enter")
    page.wait_for_selector(".pagefind-ui__result", timeout=15_000)
    assert page.url.startswith(site_url + "/search/?q=")
    titles = page.locator(".pagefind-ui__result-title").all_inner_texts()
    assert titles == ["Про модель"]
    excerpt = page.locator(".pagefind-ui__result-excerpt").first.inner_html()
    assert "<mark>модель</mark>" in excerpt
    link = page.locator(".pagefind-ui__result-link").first.get_attribute("href")
    assert link == "/posts/modeli/"
    # the interface speaks the site's language, and the page fits a phone's width
    assert page.locator(".pagefind-ui__search-input").get_attribute("placeholder") == (
        "Найти в статьях"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("[data-search-without-script]").is_hidden()
    assert errors == []
    page.close()


def test_without_javascript_the_search_page_points_to_the_archive(
    browser: Browser, site_url: str
) -> None:
    with page_without_script(browser, site_url + "/search/") as page:
        note = page.locator("[data-search-without-script]")
        assert note.is_visible()
        assert note.locator("a").get_attribute("href") == "/archive/"
