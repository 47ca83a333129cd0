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
        ("---\ntitle: x\ntags: [a, b\n---\nbody\n", 4, "invalid YAML"),
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
