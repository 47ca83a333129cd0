"""A text post's Document: its lines as written beside the Markdown, and columns between them."""

from __future__ import annotations

import random
import re

import pytest

from blogbuild.check.document import Document, written_column
from blogbuild.content.plaintext import text_to_markdown

_BLOCK_MARKER = re.compile(r"(?:## |- |\d{1,3}\. )?")
TEXT = (
    "Вступление.\n"
    "\n"
    "  • Пункт *важный* илиeven дальше.\n"
    "  • Второй_пункт [x] тоже.\n"
    "3. Третий\n"
    "\n"
    "Короткий заголовок\n"
    "\n"
    "Длинный абзац текста, который идёт после заголовка и заканчивается точкой.\n"
)


def test_text_lines_are_the_text_and_lines_its_markdown(make_post) -> None:
    doc = Document(make_post(TEXT, source_format="text"))
    assert doc.text_lines == tuple(TEXT.split("\n"))
    assert doc.lines == tuple(text_to_markdown(TEXT).split("\n"))
    assert doc.lines[2] == r"- Пункт \*важный\* илиeven дальше."
    assert doc.lines[6] == "## Короткий заголовок"


def test_a_markdown_post_has_one_set_of_lines(make_post) -> None:
    doc = Document(make_post("# Заголовок\n\n- пункт\n"))
    assert doc.text_lines is doc.lines


@pytest.mark.parametrize(
    ("markdown", "written", "char"),
    [
        (r"- Пункт \*важный\* илиeven дальше.", "  • Пункт *важный* илиeven дальше.", "и"),
        (r"- Второй\_пункт \[x] тоже.", "  • Второй_пункт [x] тоже.", "x"),
        (r"- 3\. Третий", "3. Третий", "Т"),
        ("## Короткий заголовок", "Короткий заголовок", "з"),
    ],
)
def test_a_markdown_column_maps_to_the_same_character_as_written(
    markdown: str, written: str, char: str
) -> None:
    col = written_column(markdown, written, markdown.index(char))
    assert written[col:] == written[written.index(char) :]


def test_escapes_and_block_markers_map_to_what_they_stand_for() -> None:
    written = "  • Пункт *важный*"
    markdown = r"- Пункт \*важный\*"
    assert written_column(markdown, written, markdown.index("\\")) == written.index("*")
    assert written_column(markdown, written, 0) == 2  # the "- " marker: the line's start
    assert written_column(markdown, written, len(markdown)) == len(written)


def test_findings_in_a_text_post_point_into_the_text_file(make_post, findings_of) -> None:
    post = make_post(TEXT, source_format="text", body_line=2)
    (mixed,) = findings_of(post, "mixed-script-word")
    assert (mixed.line, mixed.col) == (4, TEXT.split("\n")[2].index("илиeven") + 1)


def test_every_column_of_every_converted_line_maps_to_what_it_shows() -> None:
    kinds = [
        "Короткий заголовок",
        "  • пункт с *звёздочками* и _подчёркиванием_",
        "- пункт [ссылка](x) `код` <b>",
        "1. первый & второй &amp; третий",
        "7. седьмой $x$ | столбец | ~зачёркнутый~",
        "--- линия",
        "# решётка \\ обратная черта",
        "{: .x} атрибуты",
        "Длинная строка текста, которая заканчивается точкой и идёт после заголовка.",
    ]
    rnd = random.Random(3)  # fixed seed: the same cases on every run
    for _ in range(200):
        text = "\n".join(rnd.choice(kinds) for _ in range(rnd.randint(1, 6)))
        for markdown, written in zip(
            text_to_markdown(text).split("\n"), text.split("\n"), strict=True
        ):
            first = len(written) - len(written.lstrip())
            match = _BLOCK_MARKER.match(markdown)
            marker = match.end() if match else 0
            columns = [written_column(markdown, written, col) for col in range(len(markdown))]
            assert columns == sorted(columns), (markdown, written)
            for col, shown in enumerate(columns):
                escaped = markdown[col] == "\\" and written[shown] == markdown[col + 1]
                in_marker = col < marker and shown == first
                assert written[shown] == markdown[col] or escaped or in_marker, (
                    markdown,
                    written,
                    col,
                )
