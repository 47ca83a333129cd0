"""Tests for reading time, Russian plurals, word counts and truncation."""

from __future__ import annotations

import pytest

from blogbuild.text import count_words, plural_ru, reading_minutes, truncate_words


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
