"""The five real seed articles, checked as `blogbuild check` checks a blog.

Every post goes through the real loader and build (a `.txt` post becomes Markdown line for
line), and links are checked against the real site; each defect is found on its line and
nothing else is flagged. The expected findings are in tests/seed_findings.py.
"""

from __future__ import annotations

import pytest
from tests.conftest import shared_reason
from tests.seed_findings import (
    EXPECTED,
    POST_FILES,
    SEED_BLOG,
    SEEDS,
    copy_seed_blog,
    post_path,
)

from blogbuild.check import Finding
from blogbuild.check.document import Document
from blogbuild.model import Post
from blogbuild.options import BuildOptions
from blogbuild.pipeline.recipe import assemble_site
from blogbuild.pipeline.results import SiteOutput


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteOutput, list[Finding]]:
    site = copy_seed_blog(tmp_path_factory.mktemp("seeds") / "blog")
    output = assemble_site(BuildOptions(source=site))
    return output, output.findings


def _post(output: SiteOutput, number: str) -> Post:
    (key,) = [s.key for s in output.summaries if s.post.source_path == post_path(number)]
    body = output.cache.load_body(key)
    assert body is not None
    return body.post


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_seed_findings_are_exactly_the_real_defects(
    built: tuple[SiteOutput, list[Finding]], number: str
) -> None:
    _, findings = built
    mine = [f for f in findings if f.path == post_path(number)]
    assert {(f.line, f.rule) for f in mine} == EXPECTED[number]
    assert all(f.col >= 1 for f in mine)


def test_every_finding_is_about_a_seed(built: tuple[SiteOutput, list[Finding]]) -> None:
    output, findings = built
    paths = {post_path(number) for number in POST_FILES}
    assert {item.post.source_path for item in output.summaries} == paths
    assert {f.path for f in findings} == paths


@pytest.mark.skipif(not SEEDS.is_dir(), reason=shared_reason("seeds"))
@pytest.mark.parametrize("number", sorted(POST_FILES))
def test_each_post_is_its_seed_unchanged(number: str) -> None:
    (seed,) = SEEDS.glob(f"{number}_*.txt")
    assert (SEED_BLOG / post_path(number)).read_bytes() == seed.read_bytes()


def test_the_text_post_is_checked_on_its_lines_as_written(
    built: tuple[SiteOutput, list[Finding]],
) -> None:
    output, findings = built
    post = _post(output, "004")
    assert (post.source_format, post.body_line) == ("text", 2)
    doc = Document(post)
    assert len(doc.text_lines) == len(doc.lines)
    # Line 103, the table's header row, is a list item in the Markdown the site renders.
    table = 103 - post.body_line
    assert doc.lines[table].startswith("- Архитектура Основные Принципы")
    assert doc.text_lines[table].startswith("Архитектура Основные Принципы")
    # "Подробнее" above the long tag line reads as a heading, and is the page's label.
    more = 143 - post.body_line
    assert (doc.lines[more], doc.text_lines[more]) == ("## Подробнее", "Подробнее")
    # Columns point into the .txt file, not into the Markdown made of it.
    places = {(f.line, f.rule): f.col for f in findings if f.path == post_path("004")}
    assert places[(5, "h1-repeats-title")] == 1
    assert places[(143, "scrape-debris")] == 1
