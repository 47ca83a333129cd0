"""One post built into a site and served over HTTP on 127.0.0.1, for the browser tests."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Page

from tests.integration.clirun import blogbuild


@contextmanager
def page_without_script(browser: Browser, url: str) -> Iterator[Page]:
    """`url` opened with JavaScript turned off, as some readers (and crawlers) see it."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url)
        yield page
    finally:
        context.close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not worth a line each in the test output."""


def served_post(site: Path, name: str, text: str) -> contextlib.AbstractContextManager[str]:
    """Build a site of one post `name` into `site`, serve its dist/; yields the site's URL."""
    return served_posts(site, {name: text})


@contextmanager
def served_posts(site: Path, posts: dict[str, str]) -> Iterator[str]:
    """Build a site of `posts` (file name: text) into `site`, serve its dist/; yields its URL."""
    (site / "content" / "posts").mkdir(parents=True)
    for name, text in posts.items():
        (site / "content" / "posts" / name).write_text(text, encoding="utf-8")
    with served_folder(built(site)) as url:
        yield url


def built(site: Path) -> Path:
    """Build the site in `site`; its dist/."""
    result = blogbuild("build", "--source", str(site))
    assert result.returncode == 0, result.stderr
    return site / "dist"


def html_pages(dist: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths (Pagefind's own files left out)."""
    found = []
    for page in sorted(dist.rglob("*.html")):
        rel = page.relative_to(dist).as_posix()
        if not rel.startswith("pagefind/"):
            found.append("/" + rel.removesuffix("index.html"))
    return found


@contextmanager
def served_folder(folder: Path) -> Iterator[str]:
    """Serve a built site's `folder` over HTTP on 127.0.0.1; yields its URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
