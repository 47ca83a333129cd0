"""Tests for reading time, Russian plurals, word counts and truncation."""

from __future__ import annotations

import pytest

from blogbuild.content.text import count_words, plural_ru, reading_minutes, truncate_words


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "минут"),
        (1, "минута"),
        (2, "минуты"),
        (4, "минуты"),
        (5, "минут"),
        (11, "минут"),
        (12, "минут"),
        (14, "минут"),
        (21, "минута"),
        (22, "минуты"),
        (25, "минут"),
        (101, "минута"),
        (111, "минут"),
        (112, "минут"),
        (1001, "минута"),
        (-1, "минута"),
    ],
)
def test_plural_ru(n: int, expected: str) -> None:
    assert plural_ru(n, "минута", "минуты", "минут") == expected


@pytest.mark.parametrize(
    ("words", "minutes"),
    [(0, 1), (1, 1), (180, 1), (269, 1), (270, 2), (360, 2), (1800, 10)],
)
def test_reading_minutes(words: int, minutes: int) -> None:
    assert reading_minutes(words) == minutes


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("Привет, мир!", 2),
        ("GPT-3 и GPT-4 — модели", 4),
        ("коллеги-энтузиасты don't stop", 3),
        ("В 2025 году", 3),
        ("— … , ;", 0),
        ("snake_case", 2),
    ],
)
def test_count_words(text: str, count: int) -> None:
    assert count_words(text) == count


def test_truncate_words_keeps_short_text() -> None:
    assert truncate_words("  Короткий   текст ", 50) == "Короткий текст"


def test_truncate_words_cuts_at_word_boundary() -> None:
    text = "Генеративные модели меняют то, как мы пишем тексты"
    result = truncate_words(text, 30)
    assert result == "Генеративные модели меняют…"
    assert len(result) <= 30


def test_truncate_words_drops_dangling_punctuation() -> None:
    assert truncate_words("Один, два, три четыре", 12) == "Один, два…"


def test_truncate_words_keeps_a_word_that_ends_exactly_at_the_limit() -> None:
    assert truncate_words("abc def ghi", 8) == "abc def…"


def test_truncate_words_cuts_inside_a_single_long_word() -> None:
    assert truncate_words("Сверхдлинноесловобезпробелов", 10) == "Сверхдлин…"


# Text that trips word finders: punctuation on both sides, joiners at the ends, digits,
# underscores, numerals that are not digits, mixed scripts, no-break and odd spaces.
_TRICKY = (
    "«Нейросеть», — сказал он. GPT-3, чат-бот; don't 'quoted' -лидер- ...многоточие… "
    "snake_case x2 ²½ Ⅻ word—word (скобки) [ссылка](url) emoji🙂слово\u00a0неразрывный "
    "tab\tи\nстрока İstanbul ΣΟΦΊΑ 'don’t' — – - ' \" ,,, 42 4.5 v1.2.3 ёлка-палка"
)


def _samples() -> list[str]:
    from tests.conftest import CORPORA, SEEDS

    texts = [_TRICKY, _TRICKY.lower()]
    for folder in (SEEDS, CORPORA):
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*.md")]
            texts += [
                p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*.txt")
            ]
    return texts


def test_count_words_equals_its_pattern_on_any_text() -> None:
    """count_words skips the regular expression for plain tokens: the count must not move."""
    from blogbuild.content.text import _WORD_RE

    for text in _samples():
        assert count_words(text) == len(_WORD_RE.findall(text))


def test_key_term_words_and_element_ids_equal_their_patterns() -> None:
    import re

    from blogbuild.pipeline.posts.work import _WORD, _words, element_ids

    for text in _samples():
        assert _words(text) == _WORD.findall(text)
    html = (
        '<h2 id="a">x</h2><p data-id="no" title=" id=\'in-title\'">y</p>\n'
        '<div\nid="newline"></div><span\tid=\'tab\'>z</span><b class="c"id="glued"></b>'
        'id="at-start-of-nothing"'
    )
    assert element_ids(html) == re.findall(r"""\sid=["']([^"']+)["']""", html)
    assert element_ids(html) == ["a", "in-title", "newline", "tab"]
