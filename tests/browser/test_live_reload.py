"""In a real browser: pages follow the Markdown file as it is saved, and errors show over them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import SiteMaker
from tests.integration.servehelp import ServeProcess

pytestmark = pytest.mark.slow

POST = """\
---
title: Живой пост
date: 2025-03-01 10:00:00 +0300
---
Первая версия текста.
"""
BROKEN = POST.replace("date: 2025-03-01 10:00:00 +0300", "date: вчера")
WAIT_MS = 15_000
# Set on the window when a test starts watching a page; a reload clears it.
MARK = "window.__sameDocument = true"
SAME_DOCUMENT = "window.__sameDocument === true"


@pytest.fixture
def post(site: SiteMaker) -> Path:
    site.post("other.md", "---\ntitle: Другой\ndate: 2025-02-01\n---\nТекст.\n", raw=True)
    theme_css = Path(__file__).resolve().parents[2] / "assets" / "css" / "style.css"
    css = theme_css.read_text(encoding="utf-8") + "\n.post__title { color: rgb(1, 2, 3); }\n"
    site.file("assets/css/style.css", "").write_text(css, encoding="utf-8")
    return site.post("live.md", POST, raw=True)


@pytest.fixture
def served(site: SiteMaker, post: Path) -> Iterator[ServeProcess]:
    process = ServeProcess("--source", str(site.root), "--port", "0")
    yield process
    code, _out, err = process.stop()
    assert code == 0 and "Traceback" not in err


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    opened = browser.new_context()
    yield opened
    opened.close()


def _open(context: BrowserContext, served: ServeProcess, path: str) -> Page:
    """Open a page and wait until its live connection is up: a save made before that is a
    build the page never heard of, and it would rightly reload."""
    page = context.new_page()
    page.goto(served.origin + path)
    page.wait_for_function("document.documentElement.dataset.liveBuild !== undefined")
    page.evaluate(MARK)
    return page


def test_the_page_shows_a_saved_edit_without_being_reloaded_by_hand(
    context: BrowserContext, served: ServeProcess, post: Path
) -> None:
    page = _open(context, served, "/posts/live/")
    expect(page.locator(".post__body")).to_contain_text("Первая версия текста.")
    post.write_text(POST.replace("Первая версия", "Вторая версия"), encoding="utf-8")
    expect(page.locator(".post__body")).to_contain_text("Вторая версия текста.", timeout=WAIT_MS)
    assert not page.evaluate(SAME_DOCUMENT)  # the live script reloaded it


def test_a_broken_save_shows_the_error_over_the_last_good_page_until_fixed(
    context: BrowserContext, served: ServeProcess, post: Path
) -> None:
    page = _open(context, served, "/posts/live/")
    post.write_text(BROKEN, encoding="utf-8")
    problem = page.locator("blogbuild-overlay li")
    expect(problem).to_contain_text("content/posts/live.md:3", timeout=WAIT_MS)
    expect(problem).to_contain_text("date: cannot read 'вчера'")
    expect(page.locator(".post__body")).to_contain_text("Первая версия текста.")
    assert page.evaluate(SAME_DOCUMENT)  # an error does not reload the page

    # A page opened while the error persists shows it on load.
    second = _open(context, served, "/posts/other/")
    expect(second.locator("blogbuild-overlay li")).to_contain_text(
        "content/posts/live.md:3", timeout=WAIT_MS
    )

    post.write_text(POST.replace("Первая версия", "Исправленная версия"), encoding="utf-8")
    expect(page.locator(".post__body")).to_contain_text("Исправленная версия", timeout=WAIT_MS)
    expect(page.locator("blogbuild-overlay")).to_have_count(0)
    expect(second.locator("blogbuild-overlay")).to_have_count(0, timeout=WAIT_MS)
    assert second.evaluate(SAME_DOCUMENT)  # the other post did not change: no reload


def test_the_overlay_can_be_hidden(
    context: BrowserContext, served: ServeProcess, post: Path
) -> None:
    page = _open(context, served, "/posts/live/")
    post.write_text(BROKEN, encoding="utf-8")
    overlay = page.locator("blogbuild-overlay")
    expect(overlay.locator("li")).to_have_count(1, timeout=WAIT_MS)
    overlay.locator("button").click()
    expect(overlay).to_have_count(0)


def test_a_css_edit_restyles_the_page_without_a_reload(
    context: BrowserContext, served: ServeProcess, site: SiteMaker
) -> None:
    page = _open(context, served, "/posts/live/")
    title = page.locator(".post__title")
    expect(title).to_have_css("color", "rgb(1, 2, 3)")
    css = site.root / "assets" / "css" / "style.css"
    css.write_text(
        css.read_text(encoding="utf-8").replace("rgb(1, 2, 3)", "rgb(4, 5, 6)"), encoding="utf-8"
    )
    expect(title).to_have_css("color", "rgb(4, 5, 6)", timeout=WAIT_MS)
    assert page.evaluate(SAME_DOCUMENT)


def test_a_missing_page_appears_when_its_post_is_written(
    context: BrowserContext, served: ServeProcess, site: SiteMaker
) -> None:
    page = _open(context, served, "/posts/new/")
    site.post("new.md", "---\ntitle: Новый пост\ndate: 2025-03-02\n---\nТолько что.\n", raw=True)
    expect(page.locator("h1.post__title")).to_have_text("Новый пост", timeout=WAIT_MS)


def test_many_tabs_load_and_all_follow_edits(
    context: BrowserContext, served: ServeProcess, post: Path
) -> None:
    # More tabs than the six connections a browser opens to one host: each tab holding an
    # event stream of its own would leave the later tabs unable to load at all.
    pages = [_open(context, served, "/posts/live/") for _ in range(10)]
    for page in pages:
        expect(page.locator(".post__body")).to_contain_text("Первая версия текста.")
    post.write_text(POST.replace("Первая версия", "Общая версия"), encoding="utf-8")
    for page in pages:
        expect(page.locator(".post__body")).to_contain_text("Общая версия", timeout=WAIT_MS)


def test_without_shared_workers_a_tab_uses_its_own_stream(
    browser: Browser, served: ServeProcess, post: Path
) -> None:
    context = browser.new_context()
    try:
        context.add_init_script("delete window.SharedWorker")
        page = _open(context, served, "/posts/live/")
        post.write_text(BROKEN, encoding="utf-8")
        expect(page.locator("blogbuild-overlay li")).to_contain_text(
            "content/posts/live.md:3", timeout=WAIT_MS
        )
        post.write_text(POST.replace("Первая версия", "Своя версия"), encoding="utf-8")
        expect(page.locator(".post__body")).to_contain_text("Своя версия", timeout=WAIT_MS)
        expect(page.locator("blogbuild-overlay")).to_have_count(0)
    finally:
        context.close()
