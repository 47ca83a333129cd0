"""On a phone, wide formulas and their TeX fallbacks scroll inside their box, not the page."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser

from tests.integration.clirun import blogbuild

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
    site = tmp_path_factory.mktemp("wide")
    (site / "content" / "posts").mkdir(parents=True)
    (site / "content" / "posts" / "2025-01-01-wide.md").write_text(POST, encoding="utf-8")
    result = blogbuild("build", "--source", str(site))
    assert result.returncode == 0, result.stderr
    handler = functools.partial(QuietHandler, directory=str(site / "dist"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/posts/wide/"
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not worth a line each in the test output."""


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
