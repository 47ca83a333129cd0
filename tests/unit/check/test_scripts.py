"""foreign-script and mixed-script-word."""

from __future__ import annotations

import pytest

from blogbuild.check.rules.scripts import foreign_script_name, mixed_script_problem


def test_cjk_glued_into_russian_is_found_with_its_column(found) -> None:
    body = "Сеть используется в качестве基础 для обучения.\n"
    assert found(body, "foreign-script") == [(1, 29)]


def test_cjk_separated_by_spaces_in_russian_is_found(found) -> None:
    assert len(found("Модели требуют 大量 данных.\n", "foreign-script")) == 1


def test_cjk_name_in_english_prose_is_allowed(found) -> None:
    assert found("Thanks to 爱吃猫的鱼, we have a translation.\n", "foreign-script") == []


def test_cjk_glued_to_a_latin_word_in_english_prose_is_found(found) -> None:
    assert len(found("We need a discussion讨 about this.\n", "foreign-script")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Формула $\\alpha + β = γ$ и оценка θ̂ для ℝ.\n",
        "Цитата «как есть» — с тире, кавычками “и” многоточием…\n",
        "Модели GPT-3 и BERT, fine-tuning и API-ключ.\n",
        "Код `print('你好')` в строке.\n",
        "Emoji 🙂 и стрелки → не буквы.\n",
    ],
)
def test_ordinary_symbols_are_not_foreign(found, text: str) -> None:
    assert found(text, "foreign-script") == []


def test_foreign_script_names() -> None:
    assert foreign_script_name("基") == "Chinese/Japanese"
    assert foreign_script_name("한") == "Korean"
    assert foreign_script_name("ب") == "Arabic"
    assert foreign_script_name("，") == "full-width"
    for char in "aЯλ𝑥ℝ—«":
        assert foreign_script_name(char) is None


@pytest.mark.parametrize(
    "word",
    [
        "GANы",
        "GANов",
        "GPTшка",
        "LSTMки",
        "BERTовский",
        "Djangoвский",
        "APIшечка",
        "PCшка",
        "Transformerами",
        "модель",
    ],
)
def test_latin_stem_with_russian_ending_is_usual(word: str) -> None:
    assert mixed_script_problem(word) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("илиeven", "fuses the Cyrillic 'или' and the Latin 'even'"),
        ("LLMмодели", "fuses the Latin 'LLM' and the Cyrillic 'модели'"),
        ("мoдель", "hides Latin 'o' among Cyrillic"),
        ("Cистема", "hides Latin 'C' among Cyrillic"),
        ("древнеe", "hides Latin 'e' among Cyrillic"),
        ("GРT", "hides Cyrillic 'Р' among Latin"),
    ],
)
def test_broken_mixed_words(word: str, expected: str) -> None:
    problem = mixed_script_problem(word)
    assert problem is not None and expected in problem


def test_mixed_script_word_in_prose_is_found_with_position(found) -> None:
    body = "Темы, стили илиeven ответы.\n"
    assert found(body, "mixed-script-word") == [(1, 13)]


def test_russian_with_english_terms_is_clean(found) -> None:
    body = (
        "Мы сравнили модели GPT-3 и BERT: GANы быстрее, а fine-tuning через API-ключ "
        "занимает минуты. См. https://example.com/модель и `tokenizer.encodeкод`.\n"
    )
    assert found(body, "mixed-script-word") == []


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        # A Cyrillic look-alike after the digits of a Latin name: 'GPT-4о' (Cyrillic 'о').
        ("Модель GPT-4о отвечает быстрее.\n", 1),
        ("Карта A100С стоит дорого.\n", 1),
        # Russian endings on such a name are usage; Latin-only names are fine.
        ("Мы сравнили ответы с GPT-4ом и Llama-3.\n", 0),
        ("На A100ах обучение идёт быстрее, чем на V100.\n", 0),
        ("Модель GPT-4o вышла весной.\n", 0),
        ("Рынок B2B-сервисов и x2-рост выручки.\n", 0),
        ("В 2024 году вышло 3 модели.\n", 0),
    ],
)
def test_lookalike_letter_in_a_name_with_digits(found, text: str, hits: int) -> None:
    assert len(found(text, "mixed-script-word")) == hits


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("The middle layers encode 句法 structure more than the top ones.\n", 1),
        # A name after a capitalised one, in parentheses, or quoted, is cited.
        ("Work by Fei-Fei Li (李飞飞) and others.\n", 0),
        ("Chinese papers call it “词嵌入” in their titles.\n", 0),
        ("The book *三体* by Liu Cixin is great.\n", 0),
    ],
)
def test_cjk_in_place_of_an_english_word(found, text: str, hits: int) -> None:
    assert len(found(text, "foreign-script")) == hits
