"""unsafe-html."""

from __future__ import annotations

import pytest

RULE = "unsafe-html"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>alert(1)</script>\n", [(1, 1)]),
        ("Текст.\n\n<style>p { color: red }</style>\n", [(3, 1)]),
        ('Кнопка <a href="#" onclick="steal()">жми</a>.\n', [(1, 8)]),
        ('<div>\n<img src="x.png" onerror="x()">\n</div>\n', [(2, 1)]),
        ("[ссылка](javascript:alert(1))\n", [(1, 8)]),
        ('<iframe src="https://youtube.com/embed/x"></iframe>\n', [(1, 1)]),
    ],
)
def test_html_the_sanitiser_drops(found, body: str, expected: list[tuple[int, int]]) -> None:
    assert found(body, RULE) == expected


@pytest.mark.parametrize(
    "body",
    [
        '<div class="note">\n<p>Текст <sup>1</sup></p>\n</div>\n',
        "Сравнение: a < b и b > c.\n",
        "Код `<script>` в строке.\n",
        "```html\n<script>alert(1)</script>\n```\n",
        '<img src="a.png" alt="картинка">\n',
    ],
)
def test_safe_html_and_code_are_fine(found, body: str) -> None:
    assert found(body, RULE) == []
