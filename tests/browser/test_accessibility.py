"""axe-core in a real browser: every page of the repository's blog, and every page type of a
site that uses every feature, has no violation at a phone's and a desktop's width, light
and dark (the system's, and the one chosen with the theme toggle)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.builtsite import built, served_folder
from tests.feature_site import write_feature_site
from tests.integration.clirun import REPO

pytestmark = pytest.mark.slow

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def everything_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """A small site with every feature, built and served, with one page of each type."""
    root = tmp_path_factory.mktemp("everything")
    write_feature_site(root)
    dist = built(root)
    pages = [
        "/",
        "/page/2/",
        "/posts/everything/",
        "/posts/post-1/",
        "/categories/",
        "/categories/mashinnoe-obuchenie/",
        "/tags/",
        "/tags/dannye/",
        "/archive/",
        "/about/",  # a page that stands alone, in the menu
        "/search/",
        "/search/?q=модели",  # with results, their excerpts highlighted
        "/404.html",
    ]
    missing = [p for p in pages if not (dist / p.split("?")[0].lstrip("/")).exists()]
    assert missing == [], f"the site has no such pages: {missing}"
    with served_folder(dist) as url:
        yield url, pages


# The language label (a ::before on the block's top border, over no text) keeps axe from
# finding the background of every token in a code block unless told to ignore it.
_AXE_RUN = """async (context) => {
    const result = await axe.run(context || document, {
        resultTypes: ['violations', 'incomplete'],
        rules: { 'target-size': { enabled: true } },
        checks: { 'color-contrast': { options: { ignorePseudo: true } } },
    });
    const lines = (results, prefix) => results.flatMap(v => v.nodes.map(n =>
        `${prefix}${v.id}: ${n.target.join(' ')}: ${n.failureSummary.replace(/\\s+/g, ' ')}`));
    // A contrast axe could not measure is one nobody checked: it counts, but for text
    // that has no letters (a footnote's back arrow, a formula's operator).
    const unmeasured = result.incomplete
        .filter(v => v.id === 'color-contrast')
        .map(v => ({...v, nodes: v.nodes.filter(n =>
            !n.any.some(a => a.data && a.data.messageKey === 'nonBmp'))}));
    return [...lines(result.violations, ''), ...lines(unmeasured, 'unmeasured ')];
}"""


def _violations(page: Page) -> list[str]:
    """axe-core's violations on the open page, one line per element: rule, where, why."""
    assert AXE.is_file(), f"{AXE} is missing: run scripts/bootstrap (npm ci)"
    page.add_script_tag(path=str(AXE))
    found = list(page.evaluate(_AXE_RUN, None))
    if page.evaluate(
        "!!document.querySelector('.toc') && "
        "getComputedStyle(document.querySelector('.toc')).position === 'fixed'"
    ):
        # axe cannot place a fixed element over the page it scrolls: the wide screen's
        # contents are measured where they would stand in the flow, in the same colours.
        found = [line for line in found if not line.startswith("unmeasured color-contrast: .toc")]
        page.evaluate("document.querySelector('.toc').style.position = 'static'")
        found += page.evaluate(_AXE_RUN, ".toc")
        page.evaluate("document.querySelector('.toc').style.position = ''")
    return found


def _report(found: dict[str, list[str]]) -> str:
    return "axe-core violations:\n" + "\n".join(
        f"{path}: {line}" for path, lines in found.items() for line in lines
    )


# (width, the system's colour scheme, the one the reader chose with the toggle)
MODES = [
    pytest.param(390, "light", None, id="390-light"),
    pytest.param(390, "dark", None, id="390-dark"),
    pytest.param(1280, "light", None, id="1280-light"),
    pytest.param(1280, "dark", None, id="1280-dark"),
    pytest.param(390, "light", "dark", id="390-dark-chosen"),
    pytest.param(1280, "light", "dark", id="1280-dark-chosen"),
    pytest.param(1280, "dark", "light", id="1280-light-chosen-on-a-dark-system"),
]


def _check_pages(
    browser: Browser, url: str, pages: list[str], width: int, scheme: str, chosen: str | None
) -> dict[str, list[str]]:
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 800 else 900}, color_scheme=scheme
    )
    try:
        page = context.new_page()
        if chosen:
            page.goto(url + "/")
            page.click(".theme-toggle")  # remembered for every page after it
            assert page.evaluate("document.documentElement.dataset.theme") == chosen
        found = {}
        for path in pages:
            page.goto(url + path)
            page.wait_for_load_state("load")
            if path.startswith("/search/"):
                page.wait_for_selector(".pagefind-ui__search-input")
            if "?q=" in path:
                page.wait_for_selector(".pagefind-ui__result-excerpt mark", timeout=15_000)
            if chosen:
                assert page.evaluate("document.documentElement.dataset.theme") == chosen
            violations = _violations(page)
            if violations:
                found[path] = violations
        return found
    finally:
        context.close()


@pytest.mark.parametrize(("width", "scheme", "chosen"), MODES)
def test_every_page_of_the_repository_blog_has_no_axe_violation(
    browser: Browser,
    repo_blog: tuple[str, list[str]],
    width: int,
    scheme: str,
    chosen: str | None,
) -> None:
    url, pages = repo_blog
    assert len(pages) > 10  # posts, lists, terms, archive, search, 404
    found = _check_pages(browser, url, pages, width, scheme, chosen)
    assert not found, _report(found)


@pytest.mark.parametrize(("width", "scheme", "chosen"), MODES)
def test_every_page_type_of_a_site_with_every_feature_has_no_axe_violation(
    browser: Browser,
    everything_site: tuple[str, list[str]],
    width: int,
    scheme: str,
    chosen: str | None,
) -> None:
    url, pages = everything_site
    found = _check_pages(browser, url, pages, width, scheme, chosen)
    assert not found, _report(found)


def test_axe_finds_a_violation_where_there_is_one(
    browser: Browser, everything_site: tuple[str, list[str]]
) -> None:
    """The check above can fail: an image without alt text on a built page is reported."""
    url, _ = everything_site
    page = browser.new_page()
    page.goto(url + "/posts/everything/")
    page.evaluate("document.querySelector('.prose img').removeAttribute('alt')")
    found = _violations(page)
    page.close()
    assert any(line.startswith("image-alt:") for line in found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_what_a_phone_folds_has_no_axe_violation_once_opened(
    browser: Browser, everything_site: tuple[str, list[str]], scheme: str
) -> None:
    """The contents, a folded callout and a details block, each opened as a reader would."""
    url, _ = everything_site
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url + "/posts/everything/")
    folded = page.locator("details:not([open]) > summary")
    count = folded.count()
    for _ in range(count):
        folded.first.click()
    opened = page.evaluate("[...document.querySelectorAll('details')].map(d => d.open)")
    found = _violations(page)
    context.close()
    assert count >= 3 and all(opened)
    assert not found, _report({"/posts/everything/": found})
