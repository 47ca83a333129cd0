"""scrape-debris and flattened-table, for plain-text posts only."""

from __future__ import annotations

import pytest

from blogbuild.check import chrome
from blogbuild.check.chrome import is_tag_line

PAGE = """Рубрика Блога

Заголовок статьи

Первый абзац статьи, в котором есть точка.

Модель Параметры Год
GPT-3 175B 2020
BERT 340M 2018

  • Пункт списка без точки
  • Второй пункт без точки
  • Третий пункт без точки

Последний абзац.

Подробнее
Нейросети GPT Трансформеры Обучение моделей Генерация текста Оценка качества
Оцените статью
Сайт Про ИИ
"""


def test_page_chrome_around_a_text_post(found) -> None:
    lines = [
        line
        for line, _ in found(PAGE, "scrape-debris", source_format="text", title="Заголовок статьи")
    ]
    assert lines == [1, 17, 18, 19, 20]


def test_flattened_table_in_a_text_post(found) -> None:
    assert found(PAGE, "flattened-table", source_format="text") == [(7, 1)]


def test_markdown_posts_are_not_checked_for_debris(found) -> None:
    assert found(PAGE, "scrape-debris") == []
    assert found(PAGE, "flattened-table") == []


def test_hard_wrapped_prose_is_not_a_table(found) -> None:
    body = (
        "Это длинный абзац, перенесённый по строкам\n"
        "вручную, как в старых текстовых файлах, и он\n"
        "продолжается с маленькой буквы до конца.\n"
    )
    assert found(body, "flattened-table", source_format="text") == []


def test_quote_with_attribution_is_not_debris(found) -> None:
    body = 'Абзац.\n\n"Любая развитая технология неотличима от магии."\n\n— Артур К. Кларк\n'
    assert found(body, "scrape-debris", source_format="text") == []


def test_tag_line_shape() -> None:
    assert is_tag_line("Сравнение VAE GAN Transformer Качество генерации текста GPT Диффузионные")
    assert not is_tag_line("Мы сравнили модели GAN и VAE, и вот что получилось в итоге")
    assert not is_tag_line("Короткая Строка Тегов")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Поделиться: ВКонтакте Telegram WhatsApp", chrome.SHARE),
        ("Share on Twitter | Facebook | LinkedIn", chrome.SHARE),
        ("VK · Telegram · Одноклассники", chrome.SHARE),
        ("Подпишитесь на наш канал!", chrome.SHARE),
        ("1 245 просмотров", chrome.COUNTER),
        ("Время чтения: 7 минут", chrome.COUNTER),
        ("5 min read", chrome.COUNTER),
        ("💬 12 комментариев", chrome.COUNTER),
        ("© 2024 AI Review. Все права защищены.", chrome.COPYRIGHT),
        ("Copyright (c) 2023 Example Media. All rights reserved.", chrome.COPYRIGHT),
        ("Читайте также", chrome.LABEL),
        ("You may also like", chrome.LABEL),
        ("Теги: нейросети, gpt, машинное обучение", chrome.TAGS),
        ("#ии #нейросети #chatgpt", chrome.TAGS),
        ("ии · нейросети · генеративные модели · gpt", chrome.TAGS),
        ("Автор: Иван Петров, 12 марта 2024", chrome.BYLINE),
        ("By Jane Doe · March 3, 2024", chrome.BYLINE),
        ("Анна Смирнова | 05.11.2023", chrome.BYLINE),
        ("Главная › Блог › Нейросети", chrome.BREADCRUMB),
    ],
)
def test_page_chrome_is_recognised_by_its_kind(line: str, kind: str) -> None:
    assert chrome.kind_of(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Текст.",
        "Читайте также:",
        "See Also",
        "Tweet-stream для веба",
        "Рейтинг запросов за 2008",
        "подписка на MSDN",
        "Праздник файловых систем нового 2.6.30",
        "Вчера вышел Chrome 19, и он быстрее.",
        "Скажем нет Акторам и прочим Green Threads на JVM",
        "[1] Vaswani A. et al. Attention is all you need. 2017.",
        "Twitter and Facebook changed how we read news in 2010.",
    ],
)
def test_an_articles_own_lines_are_no_chrome(line: str) -> None:
    assert chrome.kind_of(line) is None


def test_chrome_lines_count_at_the_edges_and_certain_kinds_anywhere(found) -> None:
    body = (
        "Автор: Иван Петров, 12 марта 2024\n\n"
        "Первый абзац статьи о моделях, в котором есть точка.\n\n"
        "Второй абзац статьи о моделях, в котором есть точка.\n\n"
        "Третий абзац статьи о моделях, в котором есть точка.\n\n"
        "Читайте также\n\n"
        "Второй абзац статьи, он тоже заканчивается точкой.\n\n"
        "1 245 просмотров\n\n"
        "Последний абзац статьи с точкой в конце.\n\n"
        "Поделиться: ВКонтакте Telegram WhatsApp\n"
        "© 2024 AI Review. Все права защищены.\n"
    )
    lines = [line for line, _ in found(body, "scrape-debris", source_format="text")]
    # The label in the middle may be the article's own; the counter is the page's anywhere.
    assert lines == [1, 13, 17, 18]
