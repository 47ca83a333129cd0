"""The repository's blog on a phone, as its readers see it: the longest post starts with
its text, not its contents, and the archive leaves its titles the width of the screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.integration.clirun import REPO

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}


def _longest_post_url() -> str:
    posts = [p for p in (REPO / "content" / "posts").iterdir() if p.suffix in (".md", ".txt")]
    longest = max(posts, key=lambda p: len(p.read_text(encoding="utf-8")))
    return f"/posts/{longest.stem}/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_longest_post_starts_with_its_text_on_a_phone(
    browser: Browser, repo_blog: tuple[str, list[str]], scheme: str
) -> None:
    url, pages = repo_blog
    path = _longest_post_url()
    assert path in pages
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(url + path)
    page.wait_for_load_state("load")
    found = page.evaluate(
        """() => ({
            toc: !!document.querySelector('.toc'),
            open: document.querySelector('.toc details').open,
            height: document.querySelector('.toc').getBoundingClientRect().height,
            first: document.querySelector('.post__body > p').getBoundingClientRect().top,
            screen: window.innerHeight,
            wide: document.documentElement.scrollWidth,
        })"""
    )
    context.close()
    assert found["toc"] and found["open"] is False
    assert found["height"] < 100  # one line to open it, not 2,847 px of contents
    assert found["first"] < 2 * found["screen"]  # the first paragraph within two screens
    assert found["wide"] <= PHONE["width"]


def test_the_archive_leaves_its_titles_the_width_of_a_phone(
    browser: Browser, repo_blog: tuple[str, list[str]]
) -> None:
    url, _ = repo_blog
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url + "/archive/")
    rows = page.evaluate(
        """() => [...document.querySelectorAll('.archive-list li')].map(li => {
            const row = li.getBoundingClientRect();
            const title = li.querySelector('a').getBoundingClientRect();
            const date = li.querySelector('time').getBoundingClientRect();
            return {room: row.right - title.left, row: row.width,
                    below: title.top >= date.bottom - 1};
        })"""
    )
    context.close()
    assert rows  # the blog has posts
    for row in rows:
        assert row["room"] >= 0.95 * row["row"]  # the title has the row, the date is above
        assert row["below"]


@pytest.mark.parametrize("width", [390, 768, 1280])
def test_the_header_wraps_by_whole_groups(
    browser: Browser, repo_blog: tuple[str, list[str]], width: int
) -> None:
    """The blog's long title leaves no room for everything on one row: the menu's words stay
    whole, the search box keeps the toggle beside it and is wide enough for its placeholder."""
    url, _ = repo_blog
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url + "/")
    page.wait_for_load_state("load")
    found = page.evaluate(
        """() => {
            const box = (s) => document.querySelector(s).getBoundingClientRect();
            const input = document.querySelector('.site-search__input');
            const style = getComputedStyle(input);
            const pen = document.createElement('canvas').getContext('2d');
            pen.font = `${style.fontSize} ${style.fontFamily}`;
            const search = box('.site-search__input'), toggle = box('.theme-toggle');
            return {
                lines: [...document.querySelectorAll('.site-nav a')]
                    .map(a => a.getClientRects().length),
                beside: Math.abs((search.top + search.bottom) / 2
                                 - (toggle.top + toggle.bottom) / 2) < 2
                        && toggle.left > search.right,
                room: input.clientWidth - parseFloat(style.paddingLeft)
                      - parseFloat(style.paddingRight) - pen.measureText(input.placeholder).width,
                wide: document.documentElement.scrollWidth,
            };
        }"""
    )
    context.close()
    assert set(found["lines"]) == {1}  # no link broken over two lines
    assert found["beside"]
    assert found["room"] >= 8  # the placeholder is read whole, with room for another font
    assert found["wide"] <= width
