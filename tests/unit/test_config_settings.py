"""Each key of blogbuild.yaml is declared once; its validation, docs and example follow."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from blogbuild.content.config import SETTINGS, Config, Setting, load_config
from blogbuild.content.settingsdoc import example_config, settings_table
from blogbuild.errors import BuildFailed

README = Path(__file__).resolve().parents[2] / "README.md"


def _value_of(config: Config, declared: Setting) -> object:
    if declared.target.startswith("layout."):
        return getattr(config.layout, declared.target.removeprefix("layout."))
    return getattr(config, declared.target)


def test_every_config_field_but_the_root_and_layout_is_a_declared_key() -> None:
    targets = {s.target for s in SETTINGS}
    assert {f.name for f in fields(Config)} - targets == {"root", "layout", "notices"}
    assert len({s.key for s in SETTINGS}) == len(SETTINGS)
    assert all(s.doc and "\n" not in s.doc for s in SETTINGS)


def test_the_declared_defaults_are_the_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    for declared in SETTINGS:
        assert _value_of(config, declared) == declared.default, declared.key


def test_the_readme_table_is_the_declaration() -> None:
    text = README.read_text(encoding="utf-8")
    table = settings_table()
    assert table in text, (
        "README.md's settings table differs from the declaration in content/config.py; "
        "paste in the output of:\n  PYTHONPATH=src python -c 'from blogbuild.content.settingsdoc "
        "import settings_table; print(settings_table())'\n\n" + table
    )
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert [re.match(r"\| `([^`]+)`", row).group(1) for row in rows] == [  # type: ignore[union-attr]
        s.key for s in SETTINGS
    ]


def _written_keys(text: str) -> set[str]:
    """Every key of the example, set or commented out, with its section (`markdown.x`)."""
    found, section = set(), ""
    for line in text.splitlines():
        match = re.fullmatch(r"(\s*)(?:# )?([a-z_]+):(.*)", line)
        if not match:
            continue
        indent, key, rest = match.groups()
        if not indent and not rest.strip():
            section = key
            continue
        found.add(f"{section}.{key}" if indent else key)
    return found


def test_the_example_config_has_every_key_and_builds_with_the_defaults(tmp_path: Path) -> None:
    text = example_config()
    assert _written_keys(text) == {s.key for s in SETTINGS}
    (tmp_path / "blogbuild.yaml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path)
    for declared in SETTINGS:
        assert _value_of(config, declared) == declared.default, declared.key
        # each key comes after its doc
        assert f"# {declared.doc.split()[0]}" in text


def test_the_example_config_takes_given_values(tmp_path: Path) -> None:
    text = example_config({"title": "Заметки: о моделях", "markdown.trusted_html": True})
    (tmp_path / "blogbuild.yaml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path)
    assert (config.title, config.trusted_html) == ("Заметки: о моделях", True)
    assert yaml.safe_load(text)["markdown"] == {"trusted_html": True}


_WRONG = {str: 5, int: "ten", bool: "yes", dict: [1, 2], tuple: {"title": "x"}}
_EXPECTED = {
    str: "expected text",
    int: "expected a whole number",
    bool: "expected true or false",
    dict: "expected a mapping",
    tuple: "expected a list of mappings",
}


@pytest.mark.parametrize("declared", SETTINGS, ids=lambda s: s.key)
def test_a_value_of_the_wrong_type_is_an_error_naming_key_and_line(
    declared: Setting, tmp_path: Path
) -> None:
    section, _, option = declared.key.partition(".")
    wrong = _WRONG[declared.kind]
    data = {section: {option: wrong}} if option else {section: wrong}
    text = "title: ok\n" + yaml.safe_dump(data, allow_unicode=True)
    if section == "title":
        text = yaml.safe_dump(data)
    (tmp_path / "blogbuild.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(BuildFailed) as caught:
        load_config(tmp_path)
    (problem,) = caught.value.problems
    line = 1 if section == "title" else 2
    assert str(problem).startswith(f"blogbuild.yaml:{line}: {declared.key}: ")
    assert _EXPECTED[declared.kind] in problem.message


def test_an_unknown_key_lists_the_declared_ones(tmp_path: Path) -> None:
    (tmp_path / "blogbuild.yaml").write_text("titel: x\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as caught:
        load_config(tmp_path)
    known = re.search(r"known: ([^;]+);", caught.value.problems[0].message)
    assert known is not None
    assert known.group(1).split(", ") == sorted({s.section for s in SETTINGS})


def test_bounds_and_choices_come_from_the_declaration(tmp_path: Path) -> None:
    (tmp_path / "blogbuild.yaml").write_text(
        "feed_size: 0\nlanguage: de\ncname: https://x.org/\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as caught:
        load_config(tmp_path)
    shown = sorted(str(p) for p in caught.value.problems)
    assert shown[0] == "blogbuild.yaml:1: feed_size: expected a whole number of at least 1"
    assert shown[1] == "blogbuild.yaml:2: language: 'de' is not one of ru, en"
    assert shown[2].startswith("blogbuild.yaml:3: cname: 'https://x.org/' is not a domain name")


def test_permalink_is_kept_in_the_layout(tmp_path: Path) -> None:
    (tmp_path / "blogbuild.yaml").write_text("permalink: /p/:slug/\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.layout.permalink == "/p/:slug/"
    assert config.layout.post_dirs == ("content/posts",)
