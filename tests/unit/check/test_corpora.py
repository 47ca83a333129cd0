"""All rules over real Jekyll blogs: no crash, and no noise where the text is fine."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from tests.conftest import shared_reason

from blogbuild.check import Finding, check_links, check_post, format_json

CORPORA = Path(__file__).resolve().parents[4] / "shared" / "corpora"
POSTS = sorted(CORPORA.glob("*/*.md")) if CORPORA.is_dir() else []
RUSSIAN_BLOGS = ("KonstantinKlepikov+KonstantinKlepikov.github.io", "radio-t+radio-t-site")
LOOKALIKE_TYPOS = (
    "cтили", "древнеe", "детaлях", "requеsts", "Мini", "Aнтиплагиату", "Тablet", "Тablet",
    "Tорренты", "МS", "нo", "ОpenSource", "MLаS", "второe", "Аnonabox", "BitТоrrent",
    "прoдaкшен", "FааS", "сom", "Автокадабрa", "еmails", "Тry", "Мicrosoft", "Oнлайн",
    "Micrоsoft", "Альтернативноe", "Аqua", "Аnthropic",
)  # fmt: skip
UNSPACED_HEADINGS = sorted(
    [
        ("2015-07-08-cumulative-totals-three-ways.md", n)
        for n in (58, 68, 76, 92, 100, 119, 139, 226)
    ]
    + [("2015-08-04-how-big-of-a-sample-size-do-you-need.md", n) for n in (18, 63, 107)]
    + [("2015-08-24-markov-in-python.md", n) for n in (9, 79)]
    + [("2015-08-26-how-nontechnical-teams-work.md", n) for n in (43, 64)]
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not POSTS, reason=shared_reason("corpora")),
]

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
    # Each is a real typo, read on its source line: a look-alike letter of the other
    # script inside a word ('cтили': Latin 'c'; 'Тablet': Cyrillic 'Т'), or a Cyrillic
    # letter inside a Latin name ('МS', '.сom'). "GANы", "eКниг" and the like are usage.
    assert sorted(f.message.split("'")[1] for f in mixed) == sorted(LOOKALIKE_TYPOS)
    assert all(f.path.startswith(RUSSIAN_BLOGS) for f in mixed)
    assert all("missing space" not in f.message for f in mixed)


def test_chinese_names_in_english_posts_are_not_foreign_script(
    corpus_findings: list[Finding],
) -> None:
    assert [f for f in corpus_findings if f.rule == "foreign-script"] == []


def test_code_is_never_read_as_text(corpus_findings: list[Finding]) -> None:
    counts = Counter(f.rule for f in corpus_findings)
    # Human-written posts: no placeholders, no scraped debris, no unclosed fences.
    for rule in ("placeholder-text", "scrape-debris", "unclosed-fence"):
        assert counts[rule] == 0, rule
    # The only headings with a stray or missing space are real: '###Title' lines of 2015
    # posts (kramdown took them for headings; CommonMark shows them as text), each read.
    unspaced = sorted(
        (f.path.split("/", 1)[1], f.line) for f in corpus_findings if f.rule == "heading-stray-hash"
    )
    assert unspaced == UNSPACED_HEADINGS
    # GitHub Actions expressions sit in code blocks and must not pass for Liquid.
    assert not any("runner.os" in f.message for f in corpus_findings)
