import pickle
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from blogbuild.content.config import load_config
from blogbuild.content.loader import LoadOptions, load_post, load_posts
from blogbuild.errors import Problems
from tests.conftest import SiteMaker

NOW = datetime(2026, 1, 1, tzinfo=ZoneInfo("Europe/Moscow"))


def _load(site: SiteMaker, **options: bool) -> tuple[list, Problems]:  # type: ignore[type-arg]
    problems = Problems()
    result = load_posts(load_config(site.root), LoadOptions(**options), NOW, problems)
    return list(result.posts), problems


def test_markdown_post_with_front_matter(site: SiteMaker) -> None:
    site.post(
        "2024-05-01-hello.md", "---\ntitle: Привет\ncategories: ai\nextra_key: 1\n---\nТекст\n"
    )
    [post], problems = _load(site)
    assert (post.slug, post.title, post.categories, post.date_source) == (
        "hello",
        "Привет",
        ("ai",),
        "file_name",
    )
    assert post.body_line == 6 and post.body.startswith("Текст")
    assert post.extra == {"extra_key": 1}
    assert [p.message for p in problems.warnings] == [
        "no date in front matter: using the file name's date"
    ]


def test_markdown_without_front_matter_takes_the_first_heading(site: SiteMaker) -> None:
    site.post("2024-05-01-note.markdown", "\n# Заметка\n\nТекст заметки\n", raw=True)
    [post], problems = _load(site)
    assert post.title == "Заметка"
    assert post.body.strip() == "Текст заметки"
    assert post.body_line == 3
    assert any(p.line == 2 and "no title" in p.message for p in problems.warnings)


def test_plain_text_post_keeps_line_numbers(site: SiteMaker) -> None:
    text = "Заголовок статьи\n\nПервый абзац текста.\n\nВторой абзац текста.\n"
    site.post("2024-05-01-scraped.txt", text)
    [post], _ = _load(site)
    assert post.title == "Заголовок статьи"
    assert post.source_format == "text"
    assert post.body_line == 2
    lines = post.body.split("\n")
    assert (
        lines[1] == "Первый абзац текста." and lines[3] == "Второй абзац текста."
    )  # file lines 3, 5


def test_undated_post_uses_mtime_outside_git(site: SiteMaker) -> None:
    site.post("undated.md", "---\ntitle: Без даты\n---\nx\n")
    [post], problems = _load(site, future=True)  # a fresh file's mtime is after NOW
    assert post.date_source in ("mtime", "git")
    assert any("no date in front matter or file name" in p.message for p in problems.warnings)


def test_slug_from_front_matter_is_transliterated(site: SiteMaker) -> None:
    site.post("x.md", "---\ntitle: X\ndate: 2024-01-01\nslug: Моя статья\n---\nx\n")
    [post], _ = _load(site)
    assert post.slug == "moya-statya"


def test_other_files_are_reported_and_hidden_files_ignored(site: SiteMaker) -> None:
    site.post("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nx\n")
    site.post("picture.png", "not a post")
    site.post(".DS_Store", "junk")
    posts, problems = _load(site)
    assert len(posts) == 1
    assert [(p.path, p.message) for p in problems.warnings] == [
        ("content/posts/picture.png", "not a post (.md, .markdown or .txt): skipped")
    ]


def test_crlf_and_bom(site: SiteMaker) -> None:
    path = site.root / "content" / "posts" / "win.md"
    path.write_bytes("\ufeff---\r\ntitle: Окна\r\ndate: 2024-01-01\r\n---\r\nТекст\r\n".encode())
    [post], problems = _load(site)
    assert post.title == "Окна" and "\r" not in post.body
    assert not problems.items


def test_posts_are_newest_first_and_future_counted(site: SiteMaker, tmp_path: Path) -> None:
    site.post("a.md", "---\ntitle: A\ndate: 2024-01-01\n---\nx\n")
    site.post("b.md", "---\ntitle: B\ndate: 2025-01-01\n---\nx\n")
    site.post("c.md", "---\ntitle: C\ndate: 2030-01-01\n---\nx\n")
    problems = Problems()
    result = load_posts(load_config(site.root), LoadOptions(), NOW, problems)
    assert [p.slug for p in result.posts] == ["b", "a"]
    assert result.future_skipped == 1


CRASH_INPUTS = [
    "---\ntitle: x\ndate: 2024-99-99\n---\nx\n",
    "---\ntitle: x\ndate: 2024-02-30 25:61\n---\nx\n",
    "---\ntitle: 0x_\ndate: 0b_\ntags: [0x_, 1_]\n---\nx\n",
    "---\ntitle: x\ncount: " + "9" * 5000 + "\n---\nx\n",
    "---\ntitle: x\ndate: 0001-01-01 00:00:00 +05:00\n---\nx\n",
    "---\ntitle: x\nupdated: 9999-12-31 23:00:00 -05:00\n---\nx\n",
    "---\ntitle: .nan\ndraft: .inf\npublished: 1\nai: {model: [1], generated: 2, 3: 4}\n---\nx\n",
    "---\ntitle: x\nb: x\x00y\n---\nx\n",
    "---\ntitle: x\nself: &a [1, *a]\n---\nx\n",
    "---\ntitle: x\ncheck: {ignore: [1, null, [2]]}\nslug: 12\n---\nx\n",
    "+++\ntitle = 'x'\nk = " + "[" * 3000 + "]" * 3000 + "\n+++\nx\n",
    "+++\ntitle = 'x'\nk = " + "9" * 5000 + "\n+++\nx\n",
    "+++\ntitle = 'x'\ndate = 0001-01-01T00:00:00+05:00\n+++\nx\n",
    "---\ntitle: x\ndate: [2024, 1, 1]\nimage: [1, {a: 2}]\ncategories: {a: 1}\n---\nx\n",
    "---\ntitle: " + "слово " * 100 + "\nslug: " + "слово-" * 100 + "\ndate: 2024-01-01\n---\nx\n",
]


@pytest.mark.parametrize("text", CRASH_INPUTS)
def test_inputs_that_once_crashed_are_problems_with_a_path(site: SiteMaker, text: str) -> None:
    path = site.post("crash.md", text, raw=True)
    problems = Problems()
    post = load_post(path, load_config(site.root), problems)
    assert post is not None or problems.errors
    assert all(p.path == "content/posts/crash.md" for p in problems.items)
    assert all(p.line is not None for p in problems.errors)
    if post is not None:
        repr(post)  # the cache and the workers pickle and digest it
        pickle.dumps(post)
