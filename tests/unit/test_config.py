from pathlib import Path

import pytest

from blogbuild.content.config import load_config
from blogbuild.errors import BuildFailed


def test_every_key_has_a_default(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert (config.language, config.timezone, config.posts_per_page) == ("ru", "Europe/Moscow", 10)
    assert config.base_path == "/" and config.absolute_base == ""


def test_base_url_subpath_and_override(tmp_path: Path) -> None:
    (tmp_path / "blogbuild.yaml").write_text(
        "base_url: https://me.github.io/blog\n", encoding="utf-8"
    )
    config = load_config(tmp_path)
    assert config.base_path == "/blog/"
    assert config.absolute_base == "https://me.github.io/blog/"
    assert load_config(tmp_path, "/docs/").base_path == "/docs/"


def test_all_problems_are_reported_with_lines(tmp_path: Path) -> None:
    (tmp_path / "blogbuild.yaml").write_text(
        "title: 5\nlanguage: fr\nmarkdown:\n  trusted_html: yes please\nbase_url: ftp://x\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed) as caught:
        load_config(tmp_path)
    shown = [str(p) for p in caught.value.problems]
    assert "blogbuild.yaml:1: title: expected text, got int" in shown
    assert any(s.startswith("blogbuild.yaml:2: language: 'fr'") for s in shown)
    assert "blogbuild.yaml:3: markdown.trusted_html: expected true or false" in shown
    assert any(s.startswith("blogbuild.yaml:5: base_url:") for s in shown)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "blogbuild.yaml").write_text("title: ok\nparams: [a\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as caught:
        load_config(tmp_path)
    assert str(caught.value.problems[0]).startswith(
        "blogbuild.yaml:2: invalid YAML: the '[' opened here"
    )


def test_trusted_html_and_params(tmp_path: Path) -> None:
    (tmp_path / "blogbuild.yaml").write_text(
        "markdown:\n  trusted_html: true\nparams:\n  twitter: '@me'\n", encoding="utf-8"
    )
    config = load_config(tmp_path)
    assert config.trusted_html is True
    assert config.params == {"twitter": "@me"}
