"""A Jekyll or Hugo site's config becomes blogbuild's settings; what is not used is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from blogbuild.content.config import load_config
from blogbuild.errors import BuildFailed


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_jekyll_config_gives_title_base_url_language_and_permalink(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "_config.yml": "title: Notes\nurl: https://me.example.org/\nbaseurl: /lil-log\n"
        "lang: en_US\npaginate: 7\npermalink: pretty\ntheme: minima\nplugins: [jekyll-feed]\n"
        "twitter_username: me\nfuture: true\n",
        "_posts/2020-01-02-a.md": "---\ntitle: A\n---\nText.\n",
    })  # fmt: skip
    config = load_config(root)
    assert (config.title, config.base_url, config.language) == (
        "Notes", "https://me.example.org/lil-log/", "en",
    )  # fmt: skip
    assert config.posts_per_page == 7 and config.timezone == "UTC"
    assert config.layout.generator == "jekyll" and config.layout.permalink == "pretty"
    assert config.layout.post_dirs == ("_posts",) and config.layout.publish_future
    assert config.params["twitter_username"] == "me"  # `site.twitter_username` in posts
    [unused] = [n for n in config.notices if "not used" in n.message]
    assert unused.path == "_config.yml" and "plugins, theme" in unused.message


def test_blogbuild_yaml_beside_a_jekyll_config_wins(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "_config.yml": "title: Jekyll title\ntimezone: Europe/Berlin\n",
        "blogbuild.yaml": "title: Own title\n",
        "_posts/2020-01-02-a.md": "---\ntitle: A\n---\nText.\n",
    })  # fmt: skip
    config = load_config(root)
    assert (config.title, config.timezone) == ("Own title", "Europe/Berlin")


def test_a_jekyll_config_that_does_not_read_is_refused_at_its_line(tmp_path: Path) -> None:
    root = _write(tmp_path, {"_config.yml": "title: ok\nurl: [unclosed\n", "_posts/.keep": ""})
    with pytest.raises(BuildFailed) as failed:
        load_config(root)
    [problem] = failed.value.problems
    assert problem.path == "_config.yml" and problem.line == 2


def test_a_bad_value_in_the_generators_config_is_a_warning_not_a_refusal(tmp_path: Path) -> None:
    root = _write(tmp_path, {"_config.yml": "timezone: Mars/Olympus\n", "_posts/.keep": ""})
    config = load_config(root)
    assert config.timezone == "UTC"
    assert any("Mars/Olympus" in n.message for n in config.notices)


def test_a_hugo_config_gives_sections_permalinks_and_unsafe_html(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "hugo.toml": 'baseURL = "https://b.example.org/"\ntitle = "B"\nlanguageCode = "ru-ru"\n'
        'theme = "x"\n[pagination]\npagerSize = 5\n[permalinks]\nposts = "/p/:year/:slug/"\n'
        "[markup.goldmark.renderer]\nunsafe = true\n[params]\ndescription = \"D\"\n",
        "content/posts/a.md": "---\ntitle: A\n---\nText.\n",
        "content/notes/b.md": "---\ntitle: B\n---\nText.\n",
    })  # fmt: skip
    config = load_config(root)
    assert (config.title, config.description, config.language) == ("B", "D", "ru")
    assert config.posts_per_page == 5 and config.trusted_html
    assert config.layout.post_dirs == ("content/notes", "content/posts")
    assert config.layout.section_permalinks == {"posts": "/p/:year/:slug/"}
    [unused] = [n for n in config.notices if "not used" in n.message]
    assert "theme" in unused.message and "unsafe" not in unused.message


def test_a_hugo_config_folder_is_merged_as_hugo_merges_it(tmp_path: Path) -> None:
    root = _write(tmp_path, {
        "config/_default/hugo.toml": 'title = "Merged"\n',
        "config/_default/params.yaml": "description: From params\n",
        "content/posts/a.md": "---\ntitle: A\n---\nText.\n",
    })  # fmt: skip
    config = load_config(root)
    assert (config.title, config.description) == ("Merged", "From params")


def test_a_folder_holding_one_site_is_that_site(tmp_path: Path) -> None:
    _write(tmp_path, {
        "README.md": "repo\n",
        "hugo/config.toml": 'title = "Inner"\n',
        "hugo/content/posts/a.md": "---\ntitle: A\n---\nText.\n",
    })  # fmt: skip
    config = load_config(tmp_path)
    assert config.root == tmp_path / "hugo" and config.title == "Inner"
    assert any("hugo/" in n.message for n in config.notices)
