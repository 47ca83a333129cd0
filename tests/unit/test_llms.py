from dataclasses import dataclass
from datetime import timedelta

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from blogbuild.content.config import Config
from blogbuild.model import AiProvenance
from blogbuild.site.llms import llms_txt, markdown_copy, markdown_url
from blogbuild.site.views import PostView
from tests.unit.viewmaker import START, make_config, make_post, make_posts, term

HOSTILE = 'A [b] (c) <d> *e* _f_ `g` &amp; C# \\ "h" </script>'
COMMONMARK = MarkdownIt("commonmark")


@dataclass
class Listing:
    """An llms.txt read back with a CommonMark parser."""

    title: str
    summary: str | None
    details: list[str]
    sections: dict[str, list[tuple[str, str, str]]]  # name -> (link text, url, notes)


def read(data: bytes) -> Listing:
    tokens = COMMONMARK.parse(data.decode("utf-8"))
    assert tokens[0].tag == "h1", "llms.txt must open with an H1"
    title = _text(tokens[1])
    i = 3
    summary = None
    if tokens[i].type == "blockquote_open":
        summary = _text(tokens[i + 2])
        assert tokens[i + 4].type == "blockquote_close", "the summary is one paragraph"
        i += 5
    details: list[str] = []
    while i < len(tokens) and tokens[i].type != "heading_open":
        if tokens[i].type == "inline":
            details.append(tokens[i].content)
        i += 1
    sections: dict[str, list[tuple[str, str, str]]] = {}
    current: list[tuple[str, str, str]] = []
    for index in range(i, len(tokens)):
        token = tokens[index]
        if token.type == "heading_open":
            assert token.tag == "h2", "only H2 sections follow the details"
            current = sections.setdefault(tokens[index + 1].content, [])
        elif token.type == "inline" and tokens[index - 2].type == "list_item_open":
            current.append(_link_item(token))
    return Listing(title, summary, details, sections)


def _text(inline: Token) -> str:
    return "".join(child.content for child in inline.children or [] if child.type == "text")


def _link_item(inline: Token) -> tuple[str, str, str]:
    children = inline.children or []
    assert children[0].type == "link_open", "a file list item starts with its link"
    close = next(n for n, child in enumerate(children) if child.type == "link_close")
    text = "".join(child.content for child in children[1:close])
    notes = "".join(child.content for child in children[close + 1 :])
    assert notes == "" or notes.startswith(": ")
    return text, str(children[0].attrs["href"]), notes.removeprefix(": ")


def site(config: Config, posts: list[PostView]) -> Listing:
    return read(llms_txt(config, posts))


def test_every_post_is_listed_newest_first_with_its_markdown_copy() -> None:
    posts = make_posts(12)
    listing = site(make_config("https://someone.github.io/blog/", feed_size=3), posts)
    items = listing.sections["Posts"]
    assert [text for text, _, _ in items] == [post.title for post in posts]
    assert [url for _, url, _ in items] == [
        f"https://someone.github.io/blog/posts/{post.slug}/index.md" for post in posts
    ]
    assert items[0][2] == f"{posts[0].date.date().isoformat()} — {posts[0].description}"


def test_title_summary_and_details_in_the_convention_order() -> None:
    config = make_config(title="Нейросети", description="Заметки о моделях.", author="Анна")
    listing = site(config, [make_post()])
    assert listing.title == "Нейросети"
    assert listing.summary == "Заметки о моделях."
    assert len(listing.details) == 1
    assert "Анна" in listing.details[0]
    assert "https://example.org/feed.xml" in listing.details[0]
    assert list(listing.sections) == ["Posts"]


def test_no_description_means_no_summary_blockquote() -> None:
    assert site(make_config(description=""), [make_post()]).summary is None


def test_hostile_titles_and_descriptions_survive_markdown() -> None:
    post = make_post("x", title=HOSTILE, description=HOSTILE + "\nвторая строка")
    config = make_config(title=HOSTILE, description="- " + HOSTILE + "\n\n> цитата")
    listing = site(config, [post])
    assert listing.title == HOSTILE
    assert listing.summary == f"- {HOSTILE} > цитата"
    [(text, url, notes)] = listing.sections["Posts"]
    assert text == HOSTILE
    assert url == "https://example.org/posts/x/index.md"
    assert notes == f"2025-01-01 — {HOSTILE} вторая строка"


def test_urls_without_a_host_stay_under_the_base_path() -> None:
    listing = site(make_config("/blog/"), [make_post("p")])
    assert listing.sections["Posts"][0][1] == "/blog/posts/p/index.md"


def test_same_posts_give_the_same_bytes() -> None:
    posts = make_posts(4)
    assert llms_txt(make_config(), posts) == llms_txt(make_config(), posts[::-1])


def test_markdown_url_sits_beside_the_page() -> None:
    assert markdown_url(make_post("slug")) == "/posts/slug/index.md"
    assert markdown_url(make_post("x", url="/about.html")) == "/about.html.md"


def copy(post: PostView, source: str, config: Config | None = None) -> str:
    return markdown_copy(post, source, config or make_config()).decode("utf-8")


def test_markdown_copy_has_a_small_header_then_the_body_as_written() -> None:
    body = "Первый абзац с *акцентом*.\n\n```python\nprint('hi')\n```\n\n![схема](/images/a.png)"
    post = make_post(
        "post",
        title="Модели",
        categories=(term("categories", "ИИ"), term("categories", "Модели")),
        tags=(term("tags", "GAN"),),
    )
    text = copy(post, body, make_config("https://someone.github.io/blog/"))
    assert text == (
        "# Модели\n\n"
        "Дата: 2025-01-01 · Категории: ИИ, Модели · Теги: GAN · "
        "Адрес: <https://someone.github.io/blog/posts/post/>\n\n" + body + "\n"
    )
    headings = [t for t in COMMONMARK.parse(text) if t.type == "heading_open"]
    assert [h.tag for h in headings] == ["h1"]


def test_markdown_copy_normalizes_line_ends_and_a_byte_order_mark() -> None:
    text = copy(make_post(), "\ufeffстрока 1\r\nстрока 2\r\n\r\n")
    assert text.endswith("\n\nстрока 1\nстрока 2\n")
    assert "\r" not in text and "\ufeff" not in text


def test_markdown_copy_shows_a_later_update_and_english_labels() -> None:
    post = make_post("p", updated=START + timedelta(days=3))
    text = copy(post, "Body.", make_config(language="en"))
    assert "Date: 2025-01-01 · Updated: 2025-01-04 · URL: <https://example.org/posts/p/>" in text


@pytest.mark.parametrize(
    ("ai", "line"),
    [
        (AiProvenance("GPT-4o", True, None), "Текст создан моделью GPT-4o, не проверен человеком."),
        (AiProvenance(None, True, "Анна"), "Текст создан языковой моделью, проверен: Анна."),
        (AiProvenance("Claude", False, None), "Текст написан человеком с помощью модели Claude."),
    ],
)
def test_markdown_copy_discloses_machine_writing(ai: AiProvenance, line: str) -> None:
    text = copy(make_post(ai=ai), "Body.")
    assert f"\n\n{line}\n\nBody.\n" in text


def test_markdown_copy_title_escapes_markup() -> None:
    tokens = COMMONMARK.parse(copy(make_post(title=HOSTILE), "Body."))
    assert _text(tokens[1]) == HOSTILE
