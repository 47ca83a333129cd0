"""Scalars PyYAML's constructors reject, aliases and odd bytes: problems, never crashes."""

import pytest

from blogbuild.content.yamlsource import (
    MAX_VALUES,
    Oddity,
    YamlSourceError,
    expanded_size,
    load_yaml,
)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("2024-99-99", "date"),
        ("2024-02-30", "date"),
        ("0b_", "number"),
        ("0x_", "number"),
        ("9" * 5000, "number"),
    ],
)
def test_rejected_scalars_stay_the_text_written(value: str, kind: str) -> None:
    oddities: list[Oddity] = []
    assert load_yaml(f"a: 1\nk: {value}\n", oddities) == {"a": 1, "k": value}
    assert [odd.line for odd in oddities] == [2]
    assert f"is not a valid {kind}" in oddities[0].message


@pytest.mark.parametrize("value", ["2024-02-30 25:61", "0x", "0b2", "1_", "1e", "+.inf", "yes"])
def test_scalars_the_resolver_reads_or_leaves_alone_never_raise(value: str) -> None:
    assert "k" in load_yaml(f"k: {value}\n")


def test_a_nul_byte_is_an_error_with_its_line() -> None:
    with pytest.raises(YamlSourceError) as caught:
        load_yaml("a: 1\nb: x\x00y\n")
    assert caught.value.line == 2
    assert "U+0000" in caught.value.message


def test_alias_bomb_is_measured_without_expanding_it() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8)
    )
    value = load_yaml(bomb)
    measured = expanded_size(value)
    assert measured is not None and measured[0] > MAX_VALUES


def test_a_value_that_contains_itself_is_found() -> None:
    assert expanded_size(load_yaml("k: &a [1, *a]\n")["k"]) is None


def test_depth_is_measured() -> None:
    assert expanded_size(load_yaml("k: " + "[" * 150 + "]" * 150)["k"]) == (150, 150)


def _error(text: str) -> YamlSourceError:
    with pytest.raises(YamlSourceError) as caught:
        load_yaml(text)
    return caught.value


def test_an_unquoted_colon_in_a_title_gets_the_corrected_line() -> None:
    error = _error('date: 2025-01-01\ntitle: Сломанный: пост "ИИ"\n')
    assert error.line == 2
    assert str(error).endswith(
        'the value holds ": ", which YAML reads as a key; quote it: '
        'title: "Сломанный: пост \\"ИИ\\""'
    )


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ('date: 2025-01-01\ntitle: "Незакрытая\ntags: [a]\nx: 1\n', "the quote opened here"),
        ("title: Т\ntags: [a, b\ndate: 2025-01-01\nx: 1\n", "the '[' opened here"),
        ("title: Т\nai: {model: x\ndate: 2025-01-01\n", "the '{' opened here"),
    ],
)
def test_an_unclosed_quote_or_bracket_is_reported_where_it_opens(text: str, meaning: str) -> None:
    error = _error(text)
    assert error.line == 2
    assert f"{meaning} is never closed" in str(error)
