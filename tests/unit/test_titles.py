import pytest

from blogbuild.content.titles import find_title, plain_title, title_from_file_name


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("**Жирный** и _курсив_", "Жирный и курсив"),
        ("[Ссылка](https://x.org) и ![картинка](a.png)", "Ссылка и картинка"),
        ("<em>HTML</em> &amp; `код`", "HTML & код"),
        ("I&#8217;ve seen", "I\u2019ve seen"),
    ],
)
def test_titles_from_the_body_lose_their_markup(written: str, plain: str) -> None:
    assert plain_title(written) == plain


def test_heading_becomes_the_title_and_leaves_the_body() -> None:
    found = find_title("\n## **Итоги** года ##\n\nТекст\n", 5, False, "2024-01-01-itogi", "posts")
    assert (found.title, found.source, found.where, found.body_line) == (
        "Итоги года",
        "heading",
        6,
        7,
    )
    assert found.body.strip() == "Текст"


@pytest.mark.parametrize(
    "body",
    ["[youtube https://www.youtube.com/watch?v=x]\n\nТекст", "Просто абзац текста.\n", "", "# \n"],
)
def test_no_usable_heading_falls_back_to_the_file_name(body: str) -> None:
    found = find_title(body, 1, False, "2024-01-01-my-first-post", "posts")
    assert (found.title, found.source, found.body) == ("My First Post", "file name", body)


def test_bundle_titles_come_from_the_folder_and_text_posts_from_the_first_line() -> None:
    assert title_from_file_name("index", "cover_story") == "Cover Story"
    found = find_title("Заголовок <b>статьи</b>\n\nТекст", 1, True, "x", "posts")
    assert (found.title, found.source) == ("Заголовок статьи", "first line")


def test_a_first_line_too_long_to_be_a_title_stays_in_the_body() -> None:
    """bench/fuzz.py seed 1, input 4362: a 58,000-character first line of brackets, which
    the markup patterns read to its end from each `[`."""
    line = "![a " * 15_000
    found = find_title(line + "\n\nТекст", 1, True, "2024-01-01-dlinnyj-post", "posts")
    assert (found.title, found.source) == ("Dlinnyj Post", "file name")
    assert found.body.startswith(line)
