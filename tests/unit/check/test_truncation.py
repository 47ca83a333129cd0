"""truncated-ending and unclosed-fence."""

from __future__ import annotations

import pytest

from blogbuild.check.rules.truncation import ends_sentence
from blogbuild.content.plaintext import text_to_markdown

RULE = "truncated-ending"


def test_article_cut_mid_sentence_is_found_at_its_last_character(found) -> None:
    last = (
        "Генеративные модели можно использовать для самых разных задач, которые ещё недавно "
        "считались сугубо творческими, таких как генерация текста, создание изображений и музыки"
    )
    body = f"Первый абзац.\n\n{last}\n"
    assert found(body, RULE, body_line=6) == [(8, len(last))]


@pytest.mark.parametrize(
    "body",
    [
        # An author's closing remark without its full stop is no cut-off generation.
        "Текст.\n\nДа, мы в курсе, что у Бобука заикается дорожка. Увы, и техника иногда ломается\n",
        "Текст.\n\nКачество контента, как впрочем и качество звука для бонусов НЕ гарантируется\n",
    ],
)
def test_a_short_remark_without_its_full_stop_is_not_cut_off(found, body: str) -> None:
    assert found(body, RULE) == []
    assert found(body, RULE, source_format="text") == []


def test_messages_say_whether_the_text_stops_mid_sentence(make_post) -> None:
    from blogbuild.check import check_post

    cut = check_post(make_post("Первый абзац.\n\nТекст обрывается прямо на\n"))
    assert [f.message for f in cut if f.rule == RULE] == [
        "the article stops mid-sentence at '…Текст обрывается прямо на': the text was cut "
        "off; finish the sentence or remove it"
    ]


def test_section_cut_before_a_heading_is_found(found) -> None:
    body = "## Введение\n\nТекст обрывается на\n\n## Итоги\n\nВсё.\n"
    assert found(body, RULE) == [(3, 19)]


@pytest.mark.parametrize(
    "body",
    [
        "Текст заканчивается точкой.\n",
        "Вопрос?\n\n## Раздел\n\nСписок:\n\n- один\n- два\n",
        "Цитата «в кавычках»\n",
        "See you in the next post :D\n",
        "Смотрите [документацию](https://example.com)\n",
        "Запустите `make build`\n",
        "Текст.\n\n```python\nprint(1)\n```\n",
        "Текст.\n\n## References\n\n[1] Vaswani et al. Attention is all you need 2017\n",
        "Текст.\n\n[Временный текст из-за ошибки генерации]\n",
    ],
)
def test_finished_endings_are_not_flagged(found, body: str) -> None:
    assert found(body, RULE) == []


def test_ends_sentence_ignores_closing_emphasis() -> None:
    assert ends_sentence("**Готово.**")
    assert not ends_sentence("**Готово**")


def test_text_post_ends_before_the_page_chrome(found) -> None:
    body = "Абзац статьи заканчивается точкой.\n\nПодробнее\nОцените статью\n"
    assert found(body, RULE, source_format="text") == []


def test_text_post_cut_off_is_found(found) -> None:
    body = "Первый абзац.\n\nВторой абзац статьи обрывается тут прямо на полуслове, и\n"
    assert found(body, RULE, source_format="text", body_line=2) == [(4, 56)]


def test_unclosed_fence_is_reported_at_its_opening(found) -> None:
    body = "Пример:\n\n```python\nprint(1)\n\nТекст после.\n"
    assert found(body, "unclosed-fence") == [(3, 1)]


@pytest.mark.parametrize(
    "body",
    [
        "```\ncode\n```\n",
        "~~~~\ncode\n~~~~~\n",
        "> ```\n> code\n> ```\n",
        "- item\n\n  ```\n  code\n  ```\n",
    ],
)
def test_closed_fences_are_fine(found, body: str) -> None:
    assert found(body, "unclosed-fence") == []


def test_shorter_closing_run_does_not_close_a_fence(found) -> None:
    assert found("````\ncode\n```\n", "unclosed-fence") == [(1, 1)]


def test_text_post_label_that_reads_as_a_heading_is_not_its_ending(found) -> None:
    # A short line above a long one becomes a Markdown heading; it is still page chrome.
    tags = "Нейросети GPT Трансформеры Обучение Генерация Текста Оценка Качества Архитектуры Моделей ИИ"
    body = f"Абзац статьи заканчивается точкой.\n\nПодробнее\n{tags}\nОцените статью\n"
    assert text_to_markdown(body).split("\n")[2] == "## Подробнее"
    assert found(body, RULE, source_format="text") == []
    assert found(body, "scrape-debris", source_format="text") == [(3, 1), (4, 1), (5, 1)]
