"""All rules over real Jekyll blogs: no crash, and no noise where the text is fine."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from blogbuild.check import Finding, check_links, check_post, format_json

CORPORA = Path(__file__).resolve().parents[4] / "shared" / "corpora"
POSTS = sorted(CORPORA.glob("*/*.md")) if CORPORA.is_dir() else []
RUSSIAN = "KonstantinKlepikov+KonstantinKlepikov.github.io"

pytestmark = pytest.mark.skipif(not POSTS, reason="corpora are not available")

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.fixture(scope="module")
def corpus_findings(load_source) -> list[Finding]:
    findings: list[Finding] = []
    for path in POSTS:
        post = load_source(path, CORPORA)
        page = f"/posts/{post.slug}/"
        findings += check_post(post)
        findings += check_links(post, _MD.render(post.body), frozenset({page}), {}, "/")
    return findings


def test_every_post_is_checked_without_error(corpus_findings: list[Finding]) -> None:
    assert len({f.path for f in corpus_findings}) == len(POSTS)
    assert format_json(corpus_findings).startswith("[")


def test_russian_text_with_english_terms_gives_no_mixed_script_noise(
    corpus_findings: list[Finding],
) -> None:
    mixed = [f for f in corpus_findings if f.rule == "mixed-script-word"]
    # The only two are real typos: a Latin 'e' and a Latin 'c' inside Russian words.
    assert sorted(f.message.split("'")[1] for f in mixed) == ["cтили", "древнеe"]
    assert all(f.path.startswith(RUSSIAN) for f in mixed)


def test_chinese_names_in_english_posts_are_not_foreign_script(
    corpus_findings: list[Finding],
) -> None:
    assert [f for f in corpus_findings if f.rule == "foreign-script"] == []


def test_code_is_never_read_as_text(corpus_findings: list[Finding]) -> None:
    counts = Counter(f.rule for f in corpus_findings)
    # Human-written posts: no placeholders, no scraped debris, no unclosed fences.
    for rule in ("placeholder-text", "scrape-debris", "unclosed-fence", "heading-stray-hash"):
        assert counts[rule] == 0, rule
    # GitHub Actions expressions sit in code blocks and must not pass for Liquid.
    assert not any("runner.os" in f.message for f in corpus_findings)
