import pytest

from blogbuild.content.frontmatter import FrontMatterError, normalize_text, split_front_matter


def test_yaml_front_matter_with_lines_of_keys_and_body() -> None:
    text = "---\ntitle: Привет\ndate: 2025-01-01\n---\n\nТекст\n"
    split = split_front_matter(text)
    assert split.meta["title"] == "Привет"
    assert split.meta_lines == {"title": 2, "date": 3}
    assert text.split("\n")[split.body_line - 1] == split.body.split("\n")[0]
    assert split.body.strip() == "Текст"


def test_body_line_points_at_the_first_body_line() -> None:
    text = "---\ntitle: x\n---\nПервая строка\nВторая\n"
    split = split_front_matter(text)
    assert split.body_line == 4
    assert split.body.startswith("Первая строка")


def test_toml_front_matter() -> None:
    split = split_front_matter('+++\ntitle = "Заметка"\ntags = ["a", "b"]\n+++\nТело\n')
    assert split.meta == {"title": "Заметка", "tags": ["a", "b"]}
    assert split.meta_lines == {"title": 2, "tags": 3}
    assert split.body == "Тело\n"


def test_no_front_matter_keeps_the_whole_text() -> None:
    split = split_front_matter("Просто текст\n---\nещё\n")
    assert not split.has_front_matter
    assert split.body_line == 1
    assert split.body.startswith("Просто текст")


def test_bom_and_crlf_are_normalized_without_moving_lines() -> None:
    text = normalize_text("\ufeff---\r\ntitle: x\r\n---\r\nbody\r\n")
    assert text == "---\ntitle: x\n---\nbody\n"
    assert split_front_matter(text).body_line == 4


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: x\ntags: [a, b\n---\nbody\n", 3, "the '[' opened here is never closed"),
        ("---\ntitle: x\nbad: : :\n---\n", 3, "invalid YAML"),
        ("+++\ntitle = \n+++\n", 2, "invalid TOML"),
        ("---\ntitle: x\n", 1, "never closed"),
        ("---\n- a\n- b\n---\n", 2, "mapping"),
    ],
)
def test_errors_carry_the_line_in_the_file(text: str, line: int, message: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        split_front_matter(text)
    assert caught.value.line == line
    assert message in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "\n\n---\ntitle: x\n---\nbody\n",
        "\n\ufeff---\ntitle: x\n---\nbody\n",
        "---\ntitle: x\n...\nbody\n",
        "  \n+++\ntitle = 'x'\n+++\nbody\n",
    ],
)
def test_front_matter_after_blank_lines_or_closed_by_dots(text: str) -> None:
    split = split_front_matter(text)
    assert split.meta == {"title": "x"}
    assert split.body == "body\n"
    assert text.split("\n")[split.body_line - 1] == "body"
    assert (
        split.meta_lines["title"]
        == text.split("\n").index(next(line for line in text.split("\n") if "title" in line)) + 1
    )


def test_an_empty_block_is_no_metadata() -> None:
    split = split_front_matter("---\n---\n# Заголовок\n")
    assert split.has_front_matter and split.meta == {}
    assert split.body == "# Заголовок\n" and split.body_line == 3


def test_rejected_scalars_are_notes_naming_the_key_and_line() -> None:
    split = split_front_matter("---\ntitle: x\nwhen: 2024-02-30\nbig: " + "9" * 5000 + "\n---\n")
    assert split.meta["when"] == "2024-02-30"
    assert [(line, note.split(":")[0]) for line, note in split.notes] == [(3, "when"), (4, "big")]


def test_alias_bombs_and_deep_values_are_left_out_with_a_note() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8)
    )
    split = split_front_matter(f"---\ntitle: x\n{bomb}deep: {'[' * 150}{']' * 150}\n---\n")
    assert "i" not in split.meta and "deep" not in split.meta and split.meta["title"] == "x"
    assert any(note.startswith("i: the value expands") for _, note in split.notes)
    assert any(line == 12 and note.startswith("deep: ") for line, note in split.notes)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("+++\nk = " + "[" * 3000 + "]" * 3000 + "\n+++\n", "nested too deeply"),
        ("+++\ntitle = 'x'\nbig = " + "9" * 5000 + "\n+++\n", "big: invalid TOML: a number"),
        ("---\na: 1\nb: x\x00y\n---\n", "invalid YAML"),
        ("+++\ntitle = 'x'\n" + "a." * 500 + "b = 1\n+++\n", "a dotted key of 501 parts"),
        # bench/fuzz.py seed 1, input 47343: no `=` after it, and still n² in tomllib
        ("+++\ntitle = 'x'\n" + "www." * 500 + "\n+++\n", "a dotted key of 500 parts"),
    ],
)
def test_toml_and_yaml_that_python_cannot_read_are_errors(text: str, message: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        split_front_matter(text)
    assert message in caught.value.message
    assert caught.value.line is not None


def test_dotted_toml_keys_and_dots_in_values_are_read() -> None:
    dots = "Раз. Два. " * 100
    split = split_front_matter(f'+++\na.b.c = 1\n[x.y]\nz = "{dots}"\n+++\nТело\n')
    assert split.meta == {"a": {"b": {"c": 1}}, "x": {"y": {"z": dots}}}


def test_a_dotted_key_too_deep_names_its_line() -> None:
    with pytest.raises(FrontMatterError) as caught:
        split_front_matter("+++\ntitle = 'x'\n\n" + "a." * 200 + "b = 1\n+++\n")
    assert caught.value.line == 4
