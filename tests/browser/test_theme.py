"""The theme in a real browser: the contents fold on a phone, the toggle says what it does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.builtsite import page_without_script, served_post

pytestmark = pytest.mark.slow

SECTIONS = "\n\n".join(
    f"## Раздел {n}\n\n" + "Длинный абзац о моделях и данных, который занимает место. " * 12
    for n in range(1, 30)
)
LONG_LINE = "строка, что шире окна, " * 8
POST = f"""---
title: Длинная статья
date: 2025-01-01
---
Первый абзац статьи.

{SECTIONS}

```python
print("код")
```

```python {{linenos=true, linenostart=99}}
first = "{LONG_LINE}"
second = 2
```
"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_post(tmp_path_factory.mktemp("theme"), "2025-01-01-long.md", POST) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_contents_are_folded_and_the_text_starts_at_once(
    browser: Browser, site_url: str, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/posts/long/")
    page.wait_for_load_state("load")
    found = page.evaluate(
        """() => ({
            open: document.querySelector('.toc details').open,
            first: document.querySelector('.post__body p').getBoundingClientRect().top,
            screen: window.innerHeight,
        })"""
    )
    page.click(".toc summary")
    reopened = page.evaluate(
        """() => ({
            open: document.querySelector('.toc details').open,
            tap: Math.min(...[...document.querySelectorAll('.toc li a')]
                .map(a => a.getBoundingClientRect().height)),
        })"""
    )
    context.close()
    assert found["open"] is False
    assert found["first"] < 2 * found["screen"]  # the first paragraph within two screens
    assert reopened["open"] is True  # the reader can still open the contents
    assert reopened["tap"] >= 24  # each link a target a finger can hit


def _long_post_on_a_wide_screen(browser: Browser, site_url: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/posts/long/")
    page.wait_for_load_state("load")
    return context, page


def test_on_a_wide_screen_the_contents_are_open_beside_the_article(
    browser: Browser, site_url: str
) -> None:
    context, page = _long_post_on_a_wide_screen(browser, site_url)
    found = page.evaluate(
        """() => {
            const toc = document.querySelector('.toc');
            const box = toc.getBoundingClientRect();
            return {
                open: toc.querySelector('details').open,
                right: box.right, width: window.innerWidth,
                position: getComputedStyle(toc).position,
                tap: Math.min(...[...toc.querySelectorAll('li a')]
                    .map(a => a.getBoundingClientRect().height)),
            };
        }"""
    )
    context.close()
    assert found["open"] is True
    assert found["position"] == "fixed"
    assert found["right"] <= found["width"]  # not cut by the window's edge
    assert found["tap"] >= 24


def test_on_a_wide_screen_the_contents_mark_the_section_being_read(
    browser: Browser, site_url: str
) -> None:
    context, page = _long_post_on_a_wide_screen(browser, site_url)
    current = """() => [...document.querySelectorAll('.toc a[aria-current]')]
        .map(a => [a.textContent, a.getAttribute('aria-current')])"""

    def after_scroll(script: str) -> list[list[str]]:
        page.evaluate(script)
        page.wait_for_timeout(100)  # the mark follows on the next frame
        return page.evaluate(current)

    at_top = page.evaluate(current)
    at_ten = after_scroll("document.getElementById('раздел-10').scrollIntoView()")
    between = after_scroll("window.scrollBy(0, -window.innerHeight / 2)")  # back into 9
    at_end = after_scroll("window.scrollTo(0, document.documentElement.scrollHeight)")
    in_sight = page.evaluate(
        """() => {
            const toc = document.querySelector('.toc').getBoundingClientRect();
            const link = document.querySelector('.toc a[aria-current]').getBoundingClientRect();
            return link.top >= toc.top && link.bottom <= toc.bottom;
        }"""
    )
    colour = page.evaluate(
        """() => [getComputedStyle(document.querySelector('.toc a[aria-current]')).color,
                  getComputedStyle(document.querySelector('.toc a:not([aria-current])')).color]"""
    )
    context.close()
    assert at_top == []  # nothing read yet: the first section is below the fold
    assert at_ten == [["Раздел 10", "true"]]
    assert between == [["Раздел 9", "true"]]
    assert at_end == [["Раздел 29", "true"]]  # the last, though its heading stays low
    assert in_sight  # the sidebar scrolled to keep the mark in view
    assert colour[0] != colour[1]  # and it is seen, not only announced


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_toggle_names_what_it_will_do_and_changes_its_icon(
    browser: Browser, site_url: str, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/")
    page.wait_for_load_state("load")
    state = """() => {
        const b = document.querySelector('.theme-toggle');
        return {
            label: b.getAttribute('aria-label'), title: b.title, hidden: b.hidden,
            moon: !b.querySelector('.theme-toggle__moon').hidden,
            sun: !b.querySelector('.theme-toggle__sun').hidden,
            bg: getComputedStyle(document.body).backgroundColor,
        };
    }"""
    before = page.evaluate(state)
    page.click(".theme-toggle")
    after = page.evaluate(state)
    page.reload()
    page.wait_for_load_state("load")
    remembered = page.evaluate(state)
    context.close()
    to_dark, to_light = "Включить тёмную тему", "Включить светлую тему"
    assert before["hidden"] is False
    if scheme == "light":
        assert (before["label"], before["moon"], before["sun"]) == (to_dark, True, False)
        assert (after["label"], after["moon"], after["sun"]) == (to_light, False, True)
    else:
        assert (before["label"], before["moon"], before["sun"]) == (to_light, False, True)
        assert (after["label"], after["moon"], after["sun"]) == (to_dark, True, False)
    assert after["title"] == after["label"]
    assert after["bg"] != before["bg"]  # the page really changed colours
    assert remembered["label"] == after["label"] and remembered["bg"] == after["bg"]


def test_printing_a_dark_page_prints_light_code(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{site_url}/posts/long/")
    page.wait_for_load_state("load")
    page.click(".theme-toggle")  # light, then dark: the reader chose dark, then prints
    page.click(".theme-toggle")
    assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
    screen = page.evaluate(
        "() => getComputedStyle(document.querySelector('.highlight')).backgroundColor"
    )
    page.emulate_media(media="print")
    printed = page.evaluate(
        """() => ({
            code: getComputedStyle(document.querySelector('.highlight')).backgroundColor,
            body: getComputedStyle(document.body).color,
        })"""
    )
    context.close()
    assert printed["code"] != screen
    assert printed["body"] == "rgb(0, 0, 0)"


def test_a_heading_anchor_shows_on_keyboard_focus_and_hover(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/posts/long/#раздел-3")
    page.wait_for_load_state("load")
    opacity = "(a) => getComputedStyle(a).opacity"
    anchor = page.locator('a.heading-anchor[href="#раздел-5"]')
    resting = anchor.evaluate(opacity)
    anchor.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, as :focus-visible wants it
    focused = anchor.evaluate(opacity)
    page.locator("#раздел-7").hover()
    hovered = page.locator('a.heading-anchor[href="#раздел-7"]').evaluate(opacity)
    name = anchor.get_attribute("aria-label")
    context.close()
    assert (resting, focused, hovered) == ("0", "1", "1")
    assert name == "Ссылка на раздел: Раздел 5"


def test_the_copy_button_copies_the_code_and_says_so(browser: Browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "/posts/long/")
    block = page.locator(".prose .highlight").first
    label = page.evaluate(
        "() => getComputedStyle(document.querySelector('.prose .highlight'), '::before').content"
    )
    assert label == '"python"'  # the language, shown with or without JavaScript
    assert block.locator("pre").get_attribute("tabindex") == "0"  # reachable by keyboard
    button = block.locator(".code-copy")
    assert button.inner_text() == "Копировать"
    button.click()
    page.wait_for_function("document.querySelector('.code-copy').textContent === 'Скопировано'")
    assert page.evaluate("navigator.clipboard.readText()") == 'print("код")\n'
    context.close()


def test_without_javascript_code_has_no_copy_button_and_stays_selectable(
    browser: Browser, site_url: str
) -> None:
    with page_without_script(browser, site_url + "/posts/long/") as page:
        assert page.locator(".code-copy").count() == 0
        assert page.locator(".prose .highlight code").first.inner_text() == 'print("код")\n'


def test_numbered_lines_show_their_numbers_and_copy_without_them(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "/posts/long/")
    block = page.locator(".prose .highlight").nth(1)
    gutter = block.evaluate(
        """(b) => [...b.querySelectorAll('.line')].map(line => {
            const number = getComputedStyle(line, '::before');
            return [number.content, number.display, parseFloat(number.width) > 0];
        })"""
    )
    first_line_left = block.evaluate(
        """(b) => {
            const range = document.createRange();
            range.selectNodeContents(b.querySelector('.line'));
            const text = range.getClientRects()[0].left;
            return text - b.querySelector('pre').getBoundingClientRect().left;
        }"""
    )
    selected = block.evaluate(
        """(b) => { const s = getSelection(); s.selectAllChildren(b.querySelector('code'));
                   return s.toString(); }"""
    )
    # the button and the language label cover no character of the code, scrolled or not
    covered = page.evaluate(
        """() => {
            const over = (a, b) => a.left < b.right && b.left < a.right
                && a.top < b.bottom && b.top < a.bottom;
            const found = [];
            document.querySelectorAll('.prose .highlight').forEach((b, n) => {
                const pre = b.querySelector('pre');
                const range = document.createRange();
                range.selectNodeContents(b.querySelector('code'));
                const text = [...range.getClientRects()];
                const button = b.querySelector('.code-copy').getBoundingClientRect();
                const inner = pre.getBoundingClientRect();
                if (text.some(r => over(r, button) && r.top >= inner.top)) found.push(n);
            });
            return found;
        }"""
    )
    block.locator(".code-copy").click()
    page.wait_for_function(
        "document.querySelectorAll('.code-copy')[1].textContent === 'Скопировано'"
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert gutter == [['counter(line) / ""', "inline-block", True]] * 2
    assert covered == []
    assert first_line_left > 30  # the text starts after the numbers' gutter
    assert copied == f'first = "{LONG_LINE}"\nsecond = 2\n'  # no 99, 100 in the text
    assert selected == copied.rstrip("\n")  # nor in a selection
