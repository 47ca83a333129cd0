"""On a phone, wide formulas and their TeX fallbacks scroll inside their box, not the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.builtsite import served_post

pytestmark = pytest.mark.slow

WIDE = " + ".join(f"\\frac{{a_{{{n}}}}}{{b_{{{n}}}}}" for n in range(40))
POST = f"""---
title: Широкие формулы
---
Текст перед формулами.

$$
{WIDE}
$$

Формула внутри абзаца:
\\[
\\begin{{aligned}} x &= {WIDE} \\\\ y &= 1 \\end{{aligned}}
\\]

$$
\\frac{{{"x" * 300}}}{{y}} ^
$$

> [!TIP]
> Совет с длинной формулой:
>
> $${WIDE}$$
"""


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_post(tmp_path_factory.mktemp("wide"), "2025-01-01-wide.md", POST) as url:
        yield f"{url}/posts/wide/"


def test_wide_math_scrolls_inside_its_block_on_a_phone(browser: Browser, page_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    page.goto(page_url)
    page.wait_for_load_state("load")
    sizes = page.evaluate(
        """() => ({
            page: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
            boxes: [...document.querySelectorAll('.math-display')].map(b => ({
                scroll: b.scrollWidth, client: b.clientWidth,
                overflow: getComputedStyle(b).overflowX,
            })),
            error: getComputedStyle(document.querySelector('.math-error')).borderTopStyle,
        })"""
    )
    context.close()
    assert sizes["page"] <= sizes["viewport"]  # the page itself does not scroll sideways
    assert len(sizes["boxes"]) == 4
    wide = [box for box in sizes["boxes"] if box["scroll"] > box["client"]]
    assert len(wide) >= 3  # the formulas are wider than a phone…
    assert all(box["overflow"] == "auto" for box in sizes["boxes"])  # …and scroll in place
    assert sizes["error"] == "dashed"  # the unreadable formula is a styled block
