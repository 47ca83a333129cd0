"""The URLs of posts, terms and list pages come from one module, and nothing else spells them."""

from __future__ import annotations

import re
from pathlib import Path

from blogbuild.content.permalinks import (
    ARCHIVE_URL,
    SEARCH_URL,
    list_page_url,
    post_url,
    taxonomy_url,
    term_url,
    theme_urls,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "blogbuild"
THEME = Path(__file__).resolve().parents[2] / "templates"


def test_post_term_and_list_urls() -> None:
    assert post_url("vnimanie") == "/posts/vnimanie/"
    assert taxonomy_url("tags") == "/tags/"
    assert term_url("categories", "nlp") == "/categories/nlp/"
    assert list_page_url("/", 1) == "/"
    assert list_page_url("/tags/", 3) == "/tags/page/3/"
    assert theme_urls() == {
        "home": "/",
        "archive": ARCHIVE_URL,
        "categories": "/categories/",
        "tags": "/tags/",
        "search": SEARCH_URL,
    }


def test_no_other_module_spells_a_site_url_pattern() -> None:
    # an f-string or literal building /posts/…, /tags/…, /page/N/ or /archive/ outside
    # permalinks.py (and patterns.py, its expansion of Jekyll's and Hugo's patterns) would be
    # a second place to change for a permalink pattern
    pattern = re.compile(r"""f?["']/(posts|tags|categories|archive)/|page/\{""")
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for path in sorted(SRC.rglob("*.py"))
        if path.relative_to(SRC).as_posix() not in ("content/permalinks.py", "content/patterns.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and not line.lstrip().startswith(("#", '"""'))
    ]
    assert offenders == []


def test_the_theme_links_its_list_pages_through_urls() -> None:
    pattern = re.compile(r"""href="/(?:categories|tags|archive)?/?"|href="/\{\{""")
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(THEME.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
