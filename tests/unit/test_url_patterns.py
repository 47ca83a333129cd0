"""Jekyll's and Hugo's permalink placeholders and slug rules, as their generators apply them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from blogbuild.content.layout import SiteLayout
from blogbuild.content.patterns import PostFacts, hugo_urlize, jekyll_slugify
from blogbuild.content.permalinks import post_permalink

MOSCOW = timezone(timedelta(hours=3))


def _facts(**changes: object) -> PostFacts:
    values: dict[str, object] = {
        "slug": "hello", "title": "Hello, World: Part 2?", "date": datetime(2020, 3, 4, 1, 2, tzinfo=MOSCOW),
        "categories": ("ML", "Deep Learning"), "name": "hello_World", "base_name": "2020-03-04-hello_World",
        "folder": "posts", "given_slug": None,
    }  # fmt: skip
    values.update(changes)
    return PostFacts(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "pretty", "cased", "slug"),
    [
        ("machine_learning-terms", True, True, "machine_learning-terms"),
        ("machine_learning-terms", False, False, "machine-learning-terms"),
        ("A Survey of $RANDOM", True, True, "A-Survey-of-$RANDOM"),
        ("-Once- one", True, True, "Once-one"),
        ("Машинное обучение!", False, False, "машинное-обучение"),
    ],
)
def test_jekyll_slugify_keeps_what_its_mode_keeps(
    text: str, pretty: bool, cased: bool, slug: str
) -> None:
    assert jekyll_slugify(text, pretty=pretty, cased=cased) == slug


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("How many people are actually using your stuff?", "how-many-people-are-actually-using-your-stuff"),
        ("C++ & Rust  —  a tour", "c++-rust-a-tour"),
        ("Модели 2024", "модели-2024"),
        ("already-hyphen - here", "already-hyphen-here"),
    ],
)  # fmt: skip
def test_hugo_urlize_drops_what_hugo_drops(text: str, url: str) -> None:
    assert hugo_urlize(text) == url


@pytest.mark.parametrize(
    ("pattern", "url"),
    [
        ("date", "/ml/deep learning/2020/03/04/hello_World.html"),
        ("pretty", "/ml/deep learning/2020/03/04/hello_World/"),
        ("none", "/ml/deep learning/hello_World.html"),
        ("/blog/:year/:month/:day/", "/blog/2020/03/04/"),
        ("/:year/:i_month/:i_day/:slug", "/2020/3/4/hello-world"),
        ("/:slugified_categories/:y_day/:title/", "/ml/deep-learning/064/hello_World/"),
    ],
)
def test_jekyll_patterns_read_the_date_as_written(pattern: str, url: str) -> None:
    layout = SiteLayout(generator="jekyll", permalink=pattern)
    assert post_permalink(_facts(), layout) == url


def test_a_jekyll_posts_own_permalink_wins_and_may_use_placeholders() -> None:
    layout = SiteLayout(generator="jekyll", permalink="pretty")
    assert post_permalink(_facts(), layout, "/notes/:title.html") == "/notes/hello_World.html"


def test_hugo_section_patterns_default_urls_and_own_url() -> None:
    layout = SiteLayout(
        generator="hugo", section_permalinks={"posts": "/p/:year/:month/:day/:contentbasename"}
    )
    assert post_permalink(_facts(), layout) == "/p/2020/03/04/2020-03-04-hello_world/"
    essays = _facts(folder="essays/old", given_slug="Own Slug")
    assert post_permalink(essays, layout) == "/essays/old/own-slug/"
    assert post_permalink(_facts(), layout, "/kept/Here/") == "/kept/Here/"
    cased = SiteLayout(
        generator="hugo", section_permalinks={"posts": "/:slug/"}, lower_case_urls=False
    )
    assert post_permalink(_facts(), cased) == "/Hello-World-Part-2/"


def test_a_blogbuild_pattern_takes_its_placeholders() -> None:
    assert post_permalink(_facts(), SiteLayout()) == "/posts/hello/"
    layout = SiteLayout(permalink="/:year/:month/:day/:slug/")
    assert post_permalink(_facts(), layout) == "/2020/03/04/hello/"
