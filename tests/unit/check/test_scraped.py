"""scrape-debris and flattened-table, for plain-text posts only."""

from __future__ import annotations

from blogbuild.check.rules.scraped import is_tag_line

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
