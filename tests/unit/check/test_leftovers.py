"""placeholder-text and liquid-tag."""

from __future__ import annotations

import pytest

RULE = "placeholder-text"


@pytest.mark.parametrize(
    "text",
    [
        "Вступление.\n\n[Временный текст из-за ошибки генерации]\n",
        "Lorem ipsum dolor sit amet.\n",
        "As an AI language model, I cannot browse the web.\n",
        "Как языковая модель ИИ, я не имею мнения.\n",
        "Раздел будет позже. TODO: дописать.\n",
        "Здравствуйте, {{name}}! Рады видеть.\n",
        "Свяжитесь с [Вставьте имя автора] по почте.\n",
        "Напишите <placeholder> сюда.\n",
        "Конечно! Вот статья о трансформерах.\n",
        # A notice about text that failed to come, in brackets or parentheses.
        "Текст.\n\n[Content could not be generated for this section due to an error.]\n",
        "Текст.\n\n(Раздел не удалось сгенерировать: превышен лимит токенов.)\n",
        # The assistant speaks of itself, or offers whoever asked for the text more of it.
        "I'm an AI, so I don't have feelings about art.\n",
        "Будучи искусственным интеллектом, я не могу давать советов.\n",
        "Let me know if you'd like me to add a section on costs.\n",
        "Если нужно, я могу подготовить сравнительную таблицу.\n",
        "Могу также сократить статью для соцсетей.\n",
        # Named slots and a number left as a variable.
        "Запуск прошёл [Launch Date] для всей команды.\n",
        "Расходы снизились на [N]% за квартал.\n",
    ],
)
def test_placeholders_are_found(found, text: str) -> None:
    assert len(found(text, RULE)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Модели GPT-3 и BERT обучены на больших корпусах.\n",
        "Код `# TODO: fix` остаётся в коде.\n",
        "```python\n# TODO: speed up\nx = '{{name}}'\n```\n",
        "Смотрите [документацию](https://example.com) и [1].\n",
        "Список дел (todo) ведётся в трекере.\n",
        "GPT работает как языковая модель и предсказывает токены.\n",
        "Интервал [0, 1] и ссылка [вставить][ref].\n\n[ref]: https://example.com\n",
        # A chatbot's phrase quoted is discussed, not left in.
        "Ответы начинались с «As an AI language model, I…», и это стало мемом.\n",
        # Generation named in brackets without a failure, or a failure without generation.
        "Картинка (generated with a diffusion model) в начале статьи.\n",
        "Сервер вернул ошибку (error 502: bad gateway) и перезапустился.\n",
        # An author's own offer, a checkbox and a matrix are no chatbot's.
        "Если хотите помочь, напишите мне в почту.\n",
        "Могу добавить, что модель мне понравилась.\n",
        "- [x] готово\n- [ ] проверить\n\nМатрица [A] умножается на вектор.\n",
        "Read the [name] field of the record.\n",
    ],
)
def test_ordinary_text_is_not_a_placeholder(found, text: str) -> None:
    assert found(text, RULE) == []


def test_placeholder_position_is_the_file_line_and_column(found) -> None:
    body = "\nПервый абзац.\n\nТекст [Вставьте ссылку] здесь.\n"
    assert found(body, RULE, body_line=5) == [(8, 7)]


def test_liquid_tags_that_are_not_rendered_are_reported(found) -> None:
    body = (
        "{% assign n = 1 %}\n\n"
        "См. [пост]({% post_url 2020-01-01-x %}).\n\n"
        "![img]({{ site.baseurl }}/a.png)\n\n"
        "{% highlight python %}\nx = 1\n{% endhighlight %}\n\n"
        "{% if page.x %}да{% endif %}\n"
    )
    assert [line for line, _ in found(body, "liquid-tag")] == [1, 11, 11]


def test_liquid_in_code_is_not_reported(found) -> None:
    body = "```yaml\nos: {{ runner.os }}\n```\n\nКод `{% raw %}` в строке.\n"
    assert found(body, "liquid-tag") == []


def test_liquid_output_is_not_a_placeholder(found) -> None:
    assert found("Сайт {{ site.title }} и {{ page.image | relative_url }}.\n", RULE) == []
