"""Tests for turning scraped plain text into Markdown line for line."""

from __future__ import annotations

import random

import pytest

from blogbuild.content.plaintext import text_to_markdown
from blogbuild.markup.markdown import MarkdownRenderer, build_markdown_it
from tests.seed_findings import SEED_BLOG

SEED_004 = SEED_BLOG / "content" / "posts" / "za-granyu-pikseley-i-slov.txt"  # seed 004

LONG = "Это длинный абзац текста, который явно длиннее любого заголовка и заканчивается точкой."


def _lines_with_own_block(markdown: str) -> set[int]:
    """0-based lines that start a paragraph, heading or list item spanning only that line."""
    lines = set()
    for token in build_markdown_it().parse(markdown):
        if token.type in ("paragraph_open", "heading_open", "list_item_open") and token.map:
            start, end = token.map
            if end - start == 1:
                lines.add(start)
    return lines


def _assert_one_block_per_line(text: str, markdown: str) -> None:
    assert len(markdown.split("\n")) == len(text.split("\n"))
    expected = {i for i, line in enumerate(text.split("\n")) if line.strip()}
    assert expected <= _lines_with_own_block(markdown)


def test_blank_lines_and_line_count_are_kept() -> None:
    text = "Первый абзац.\n\n\nВторой абзац.\n"
    assert text_to_markdown(text) == "Первый абзац.\n\n\nВторой абзац.\n"


def test_windows_line_endings_count_as_one_line() -> None:
    assert text_to_markdown("Раз.\r\n\r\nДва.") == "Раз.\n\nДва."


def test_short_line_before_longer_paragraph_is_a_heading() -> None:
    text = f"Эпоха Трансформеров: Революция\n\n{LONG}"
    assert text_to_markdown(text).split("\n")[0] == "## Эпоха Трансформеров: Революция"


@pytest.mark.parametrize(
    "line",
    [
        "Список проблем довольно обширен:",  # ends like a sentence lead-in
        "— Артур К. Кларк",  # an attribution, not a title
        '"Любая технология неотличима от магии"',  # a quotation
        "- пункт списка",
        "2024",
        "Очень " * 20,  # too long
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    assert not text_to_markdown(f"{line}\n\n{LONG}").startswith("## ")


def test_short_line_before_a_shorter_label_is_not_a_heading() -> None:
    assert text_to_markdown("Оцените статью\nAI Art & Beyond") == (
        "- Оцените статью\n- AI Art & Beyond"
    )


def test_bullet_markers_become_list_items() -> None:
    text = "Список:\n  • первый\n- второй\n– третий\n* четвёртый"
    assert text_to_markdown(text) == "Список:\n- первый\n- второй\n- третий\n- четвёртый"


def test_numbered_lines_become_ordered_items() -> None:
    text = "  1. первый\n  2) второй"
    assert text_to_markdown(text) == "1. первый\n2. второй"


def test_numbered_item_that_cannot_start_a_list_keeps_its_number() -> None:
    # After a paragraph line only a list starting at 1 can begin, so 3. would be glued on.
    text = "Продолжение списка:\n3. третий"
    markdown = text_to_markdown(text)
    _assert_one_block_per_line(text, markdown)
    assert "3" in MarkdownRenderer().render(markdown).plain_text


def test_adjacent_text_lines_become_separate_blocks() -> None:
    text = f"{LONG}\n{LONG}\nКороткая строка\nЕщё одна"
    markdown = text_to_markdown(text)
    _assert_one_block_per_line(text, markdown)


def test_special_characters_show_as_written() -> None:
    lines = [
        "# не заголовок",
        "> не цитата",
        "+ не список",
        "1986. Год, а не пункт списка",
        "---",
        "===",
        "Цена $5 и $x$ — не формула",
        "*звёздочки* и _подчёркивания_ и `кавычки`",
        "<b>не тег</b> и [не ссылка](http://x) и &amp; не сущность",
        "{: .center} не атрибуты, | не таблица | и ~~не зачёркнуто~~",
        "обратный слеш в конце \\",
        "[1]",
        "\\[x\\] и \\(y\\) — не формулы",
        "    отступ не делает код",
    ]
    text = "\n\n".join(lines)
    result = MarkdownRenderer().render(text_to_markdown(text))
    assert result.plain_text.split("\n") == [line.strip() for line in lines]
    assert "<h" not in result.html
    assert "<blockquote" not in result.html
    assert "<hr" not in result.html
    assert "<math" not in result.html
    assert "<pre" not in result.html


def test_seed_004_converts_line_for_line_and_reads_well() -> None:
    text = SEED_004.read_text(encoding="utf-8")
    markdown = text_to_markdown(text)
    _assert_one_block_per_line(text, markdown)

    result = MarkdownRenderer().render(markdown, first_line=1)
    headings = {h.text: h for h in result.headings}
    gan = headings["Генеративно-состязательные Сети (GAN): Битва за реализм"]
    assert gan.line == 31
    assert gan.id == "генеративно-состязательные-сети-gan-битва-за-реализм"
    assert headings["Вызовы и Перспективы: Куда мы движемся дальше?"].level == 2
    assert "Оцените статью" not in headings
    assert result.html.count("<ol>") == 1
    assert result.html.count("<li>Когерентность и Связность: ") == 1
    assert '<p>"Любая достаточно развитая технология неотличима от магии."</p>' in result.html
    assert "<p>— Артур К. Кларк</p>" in result.html
    assert result.excerpt_text.startswith("За гранью пикселей и слов Наш глубокий взгляд")


def test_every_mix_of_line_kinds_keeps_one_block_per_line() -> None:
    kinds = [
        "",
        "Короткий заголовок",
        LONG,
        "• пункт",
        "- пункт",
        "1. первый",
        "2) второй",
        "7. седьмой",
        "---",
        "===",
        "# решётка",
        "> цитата",
        "[1] ссылка",
        "$$",
        "```",
        "<div>",
        "| a | b |",
        "|---|---|",
        "    отступ",
        "{: .x}",
        "Список:",
        "2024. год",
    ]
    rnd = random.Random(2)  # fixed seed: the same cases on every run
    for _ in range(300):
        text = "\n".join(rnd.choice(kinds) for _ in range(rnd.randint(1, 12)))
        _assert_one_block_per_line(text, text_to_markdown(text))
