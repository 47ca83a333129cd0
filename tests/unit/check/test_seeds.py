"""The five real seed articles: every defect found on its line, nothing else flagged.

Each expected finding below was read off the article by hand; the comment says what is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from blogbuild.check import check_links, check_post

# The seeds live beside the repository, in ../shared/seeds.
SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles are not available")

EXPECTED: dict[str, set[tuple[int, str]]] = {
    "000": {
        (1, "missing-description"),
        (1, "missing-category"),
        (4, "broken-image"),  # image: /assets/images/posts/post-10.png does not exist
        (6, "bold-pseudo-heading"),  # **Генеративные модели: новая эра …**
        (8, "bold-pseudo-heading"),  # **Обзор**
        (16, "mixed-script-word"),  # "илиeven"
        (20, "truncated-ending"),  # "… создание изображений и музыки" and nothing more
    },
    "001": {
        (1, "missing-description"),
        (1, "missing-category"),
        (2, "long-title"),  # 79 characters
        (6, "bold-pseudo-heading"),
        (6, "h1-repeats-title"),  # the bold first line is the title again
        (10, "bold-pseudo-heading"),
        (14, "bold-pseudo-heading"),
        (22, "bold-pseudo-heading"),
        (31, "bold-pseudo-heading"),
        (39, "bold-pseudo-heading"),
    },
    "002": {
        (1, "missing-description"),
        (14, "foreign-script"),  # "в качестве基础 для"
        (20, "foreign-script"),  # "которые几乎 невозможно"
    },
    "003": {
        (1, "missing-description"),
        (7, "h1-repeats-title"),
        (10, "empty-section"),  # h2 followed straight by the same text as a setext h1
        (12, "duplicate-heading"),
        (17, "heading-level-jump"),  # h3 right under that h1
        (34, "duplicate-heading"),  # h3 repeating the h2 on line 32
        (58, "heading-stray-hash"),  # "## # **Модели …"
        (58, "empty-section"),
        (60, "duplicate-heading"),
        (86, "duplicate-heading"),  # "Технические детали …" restates the h2 above
        (153, "duplicate-heading"),
        (162, "duplicate-heading"),  # "Примеры и кейсы" again (line 78)
        (169, "foreign-script"),  # "а также讨ussion"
        (172, "empty-section"),
        (174, "duplicate-heading"),  # restates the h2 on line 172
        (183, "duplicate-heading"),  # "Архитектура Transformer" again (line 63)
        (197, "heading-stray-hash"),
        (197, "empty-section"),
        (199, "duplicate-heading"),
        (200, "stray-heading-underline"),  # "=====" under an ATX heading
        (228, "duplicate-heading"),
        (244, "foreign-script"),  # "требуют大量"
        (251, "duplicate-heading"),  # restates the h2 on line 249
        (270, "duplicate-heading"),  # "Проблемы и ограничения" again (line 243)
        (278, "duplicate-heading"),
        (299, "heading-stray-hash"),
        (299, "empty-section"),
        (301, "heading-stray-hash"),
        (301, "duplicate-heading"),
        (303, "placeholder-text"),  # [Временный текст из-за ошибки генерации]
        (308, "empty-section"),
        (310, "duplicate-heading"),
        (312, "placeholder-text"),
        (317, "empty-section"),
        (319, "duplicate-heading"),
        (321, "placeholder-text"),
        (326, "empty-section"),
        (328, "duplicate-heading"),
        (330, "placeholder-text"),
        (335, "heading-stray-hash"),
        (335, "empty-section"),
        (337, "heading-stray-hash"),
        (337, "duplicate-heading"),
        (339, "placeholder-text"),
    },
    "004": {
        (1, "missing-date"),  # plain text: no front matter at all
        (1, "missing-description"),
        (1, "missing-category"),
        (1, "long-title"),  # 81 characters
        (3, "scrape-debris"),  # "Будущее Творчества", the page's section label
        (5, "h1-repeats-title"),  # the title again, with its colon
        (103, "flattened-table"),  # five lines that were a comparison table
        (143, "scrape-debris"),  # "Подробнее"
        (144, "scrape-debris"),  # tag line
        (145, "scrape-debris"),  # tag line
        (146, "scrape-debris"),  # "Оцените статью"
        (147, "scrape-debris"),  # "AI Art & Beyond", the site's name
    },
}

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _seed(number: str) -> Path:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_seed_findings_are_exactly_the_real_defects(number: str, load_source) -> None:
    post = load_source(_seed(number), SEEDS)
    page = f"/posts/{post.slug}/"
    findings = check_post(post) + check_links(
        post, _MD.render(post.body), frozenset({"/", page}), {page: frozenset()}, "/"
    )
    assert {(f.line, f.rule) for f in findings} == EXPECTED[number]
    assert all(f.path == post.source_path and f.col >= 1 for f in findings)


def test_seed_post_loads_as_expected(load_source) -> None:
    markdown = load_source(_seed("001"), SEEDS)
    assert (markdown.body_line, markdown.meta_lines["title"]) == (5, 2)
    text = load_source(_seed("004"), SEEDS)
    assert (text.source_format, text.body_line) == ("text", 2)
