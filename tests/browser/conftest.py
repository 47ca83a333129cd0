"""A real browser for the browser tests: Debian's Chromium driven by Playwright; the
repository's blog built and served once for the tests that read it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.builtsite import built, html_pages, served_folder
from tests.integration.clirun import REPO

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    """The system Chromium; these tests fail rather than skip without it, as CI installs it."""
    found = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).is_file():
        pytest.fail("chromium is not installed: run scripts/bootstrap or apt-get install chromium")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def repo_blog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """The repository's blog, built and served: its URL and every page it has."""
    root = tmp_path_factory.mktemp("repo-blog")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "blogbuild.yaml", root / "blogbuild.yaml")
    dist = built(root)
    with served_folder(dist) as url:
        yield url, html_pages(dist)
