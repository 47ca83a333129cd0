"""Heading rules: duplicates, stray '#', title repeats, pseudo-headings, jumps, empty sections."""

from __future__ import annotations

import pytest


def test_heading_repeated_right_away_is_a_duplicate(found) -> None:
    body = "## **Основы ИИ**: обзор\n\n### Основы ИИ: обзор\nТекст.\n"
    assert found(body, "duplicate-heading") == [(3, 5)]


def test_heading_repeated_later_is_a_duplicate(findings_of, make_post) -> None:
    body = "## Архитектура\n\nТекст.\n\n## Итоги\n\nТекст.\n\n### Архитектура\n\nТекст.\n"
    (finding,) = findings_of(make_post(body), "duplicate-heading")
    assert (finding.line, finding.message) == (
        9,
        "repeats the heading on line 1; merge the two sections or rename one",
    )


def test_child_heading_restating_its_parent_is_a_duplicate(found) -> None:
    body = "## Кейс 2: Генерация музыки, примеры и перспективы\n\n### Кейс 2: Генерация музыки\n"
    assert found(body, "duplicate-heading") == [(3, 5)]


def test_different_headings_are_not_duplicates(found) -> None:
    body = "## Модели\n\n### Модели GAN\n\nТекст.\n\n## Применение\n\nТекст.\n"
    assert found(body, "duplicate-heading") == []


def test_stray_hash_in_heading(found) -> None:
    body = "## # **Возможности**\n\nТекст.\n\n##Без пробела\n"
    assert found(body, "heading-stray-hash") == [(1, 4), (5, 1)]


def test_headings_and_hashtags_without_stray_hash(found) -> None:
    body = "## Возможности ##\n\nТег #python в тексте и C# тоже.\n"
    assert found(body, "heading-stray-hash") == []


def test_h1_repeating_the_title(found) -> None:
    body = "# Генеративные модели\n\nТекст.\n"
    assert found(body, "h1-repeats-title", title="Генеративные модели") == [(1, 3)]


def test_bold_first_line_repeating_the_title(found) -> None:
    body = "**Что ждать от ИИ?**\n\nТекст.\n"
    assert found(body, "h1-repeats-title", title="Что ждать от ИИ?") == [(1, 1)]


def test_title_words_later_in_the_post_are_fine(found) -> None:
    body = "# Другое\n\n" + "Длинный вводный абзац статьи " * 5 + ".\n\nГенеративные модели\n"
    assert found(body, "h1-repeats-title", title="Генеративные модели") == []


def test_bold_line_posing_as_heading(found) -> None:
    body = "**Обзор**\n\nТекст.\n\n**Что такое GAN?**\n\nТекст.\n"
    assert found(body, "bold-pseudo-heading") == [(1, 1), (5, 1)]


@pytest.mark.parametrize(
    "body",
    [
        "**Важно:** делайте резервные копии.\n",
        "**Это предложение выделено целиком.**\n",
        "**Жирный** и **ещё жирный**\n",
        "- **Пункт списка**\n",
        "**Данное краткое описание составлено на основе книги за авторством трёх учёных "
        "из разных стран**\n",
    ],
)
def test_bold_text_that_is_not_a_heading(found, body: str) -> None:
    assert found(body, "bold-pseudo-heading") == []


def test_heading_level_jump(found) -> None:
    body = "## Раздел\n\nТекст.\n\n#### Подраздел\n\nТекст.\n"
    assert found(body, "heading-level-jump") == [(5, 6)]


def test_headings_going_up_or_one_down_are_fine(found) -> None:
    body = "## A\n\nТекст.\n\n### B\n\nТекст.\n\n## C\n\nТекст.\n\n# D\n\nТекст.\n"
    assert found(body, "heading-level-jump") == []


def test_empty_sections(found) -> None:
    body = "## Пусто\n\n## Раздел\n\nТекст.\n\n## В конце\n"
    assert found(body, "empty-section") == [(1, 4), (7, 4)]


def test_heading_followed_by_subsection_is_not_empty(found) -> None:
    body = "## Раздел\n\n### Подраздел\n\nТекст.\n"
    assert found(body, "empty-section") == []


def test_heading_in_jekyll_highlight_code_is_not_a_heading(found) -> None:
    body = "## Код\n\n{% highlight python %}\n# NOTE: comment\nx = 1\n{% endhighlight %}\n"
    assert found(body, "empty-section") == []
    assert found(body, "heading-level-jump") == []


def test_stray_setext_underline(found) -> None:
    body = "# Заголовок\n=========\n\nТекст.\n"
    assert found(body, "stray-heading-underline") == [(2, 1)]


def test_setext_heading_is_fine(found) -> None:
    assert found("Заголовок\n=========\n\nТекст.\n", "stray-heading-underline") == []


def test_text_post_heading_said_twice_in_a_row_is_a_duplicate(found) -> None:
    text = "Введение.\n\nИтоги\n\nИтоги\n\nЭто длинный абзац текста про итоги всей статьи.\n"
    assert found(text, "duplicate-heading", source_format="text") == [(5, 1)]
    restated = (
        "Введение.\n\nМодели\nМодели: обзор\nЭто длинный абзац текста про модели и их обзор.\n"
    )
    assert found(restated, "duplicate-heading", source_format="text") == [(4, 1)]


@pytest.mark.parametrize(
    "body",
    [
        # A short line far from its first saying: a caption, a contents entry, a refrain.
        "Workflow\n\nПервая модель работает так, и вот длинное описание.\n\n"
        "Workflow\n\nВторая модель работает иначе, и вот длинное описание.\n",
        "Contents\n\nIntro\nModels\nEnd\n\nModels\n\nА здесь идёт длинный абзац о моделях.\n",
        # Items of a list that say the same thing.
        "Heading\n\nThis is a list item.\nThis is a list item.\nThis is a list item.\n",
        "Captions\n\nBronzino, Portrait, c. 1539\nGradient Descent\nGradient Descent\n",
    ],
)
def test_text_post_lines_repeated_as_captions_or_items_are_no_duplicates(found, body: str) -> None:
    assert found(body, "duplicate-heading", source_format="text") == []


def test_an_empty_heading_is_called_one(findings_of, make_post) -> None:
    body = "## Раздел\n\nТекст.\n\n##\n\nТекст.\n\n## `__init__.py`\n\nТекст.\n"
    found = [(f.line, f.message) for f in findings_of(make_post(body), "empty-section")]
    assert found == [(5, "an empty heading, with no text; delete it or give it its title")]
