import random
import xml.etree.ElementTree as ET
from datetime import timedelta
from typing import Any

import feedparser
import pytest

from blogbuild.content.config import Config
from blogbuild.site.feeds import FEED_URL, atom_feed, category_feed_url, entry_id
from blogbuild.site.views import PostView
from tests.unit.viewmaker import START, make_config, make_post, make_posts, term

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "A < B & \"C\" </script><!-- 'x' ]]>"


def feed(config: Config, posts: list[PostView], **overrides: str) -> bytes:
    args = {"feed_url": "/feed.xml", "page_url": "/", "title": "Блог", "language": "ru"}
    args.update(overrides)
    return atom_feed(config, posts, **args)


def parse(data: bytes) -> Any:
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_feed_parses_cleanly_and_caps_entries_at_feed_size() -> None:
    posts = make_posts(25)
    parsed = parse(feed(make_config(feed_size=20), posts))
    assert len(parsed.entries) == 20
    assert [e.title for e in parsed.entries] == [p.title for p in posts[:20]]


def test_newest_posts_win_whatever_order_they_come_in() -> None:
    posts = make_posts(8)
    shuffled = posts[:]
    random.Random(7).shuffle(shuffled)
    config = make_config(feed_size=3)
    assert feed(config, shuffled) == feed(config, posts)
    assert [e.link for e in parse(feed(config, shuffled)).entries] == [
        f"https://example.org/posts/post-0{n}/" for n in (7, 6, 5)
    ]


def test_same_input_gives_the_same_bytes() -> None:
    posts = make_posts(5)
    assert feed(make_config(), posts) == feed(make_config(), list(posts))


def test_every_link_is_absolute_under_a_subpath_base_url() -> None:
    config = make_config("https://someone.github.io/blog/")
    post = make_post("first", categories=(term("categories", "Модели"),))
    parsed = parse(feed(config, [post], feed_url="/categories/modeli/feed.xml"))
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {
        "alternate": "https://someone.github.io/blog/",
        "self": "https://someone.github.io/blog/categories/modeli/feed.xml",
    }
    assert parsed.feed.id == "https://someone.github.io/blog/categories/modeli/feed.xml"
    entry = parsed.entries[0]
    assert entry.link == "https://someone.github.io/blog/posts/first/"
    assert entry.tags[0].scheme == "https://someone.github.io/blog/categories/"


def test_root_relative_urls_inside_content_become_absolute() -> None:
    config = make_config("https://someone.github.io/blog/")
    html = (
        '<p><img src="/images/gan.png" alt="GAN"> <a href="/posts/other/">other</a> '
        '<a href="https://elsewhere.org/x">out</a></p>'
    )
    post = make_post("with-image", html=html, image="/assets/cover.png")
    content = parse(feed(config, [post])).entries[0].content[0]
    assert content.type == "text/html"
    value = content.value
    assert 'src="https://someone.github.io/blog/images/gan.png"' in value
    assert 'href="https://someone.github.io/blog/posts/other/"' in value
    assert 'href="https://elsewhere.org/x"' in value
    # the cover image the post page shows above the text comes first, made absolute too
    assert value.index("assets/cover.png") < value.index("images/gan.png")
    assert 'src="https://someone.github.io/blog/assets/cover.png"' in value


def test_relative_urls_in_content_resolve_against_the_post_page() -> None:
    post = make_post("x", html='<p><img src="diagram.png" alt=""><a href="#notes">1</a></p>')
    value = parse(feed(make_config(), [post])).entries[0].content[0].value
    assert 'src="https://example.org/posts/x/diagram.png"' in value
    assert 'href="https://example.org/posts/x/#notes"' in value


def test_hostile_text_survives_title_summary_and_content() -> None:
    post = make_post(
        "hostile",
        title=HOSTILE,
        description=HOSTILE,
        html="<p>a &lt; b &amp;&amp; c</p><pre><code>&lt;/script&gt;]]&gt;</code></pre>",
        categories=(term("categories", "R&D <лаборатория>"),),
    )
    data = feed(make_config(title=HOSTILE), [post], title=HOSTILE)
    parsed = parse(data)
    entry = parsed.entries[0]
    assert parsed.feed.title == HOSTILE
    assert entry.title == HOSTILE
    assert entry.summary == HOSTILE
    assert entry.tags[0].term == "R&D <лаборатория>"
    assert entry.content[0].value == post.html
    # also well-formed for a strict XML parser, not only for forgiving feedparser
    root = ET.fromstring(data)
    assert root.findtext(f"{ATOM}entry/{ATOM}title") == HOSTILE


def test_characters_xml_forbids_are_dropped() -> None:
    post = make_post("ctl", title="Бип\x07 и\x00 эскейп\x1b[0m\ufffe", html="<p>a\x0cb</p>")
    data = feed(make_config(), [post])
    root = ET.fromstring(data)  # raises on any forbidden character
    assert root.findtext(f"{ATOM}entry/{ATOM}title") == "Бип и эскейп[0m"
    assert root.findtext(f"{ATOM}entry/{ATOM}content") == "<p>ab</p>"


def test_entry_ids_are_the_absolute_post_urls_and_do_not_depend_on_neighbours() -> None:
    config = make_config("https://example.org/blog/")
    posts = make_posts(4)
    alone = parse(feed(config, [posts[2]])).entries[0].id
    together = [e.id for e in parse(feed(config, posts)).entries]
    assert alone == together[2] == "https://example.org/blog/posts/post-01/"
    assert len(set(together)) == 4
    assert entry_id(config, posts[2]) == alone


def test_dates_carry_their_offset_and_feed_updated_is_the_latest_change() -> None:
    older = make_post("older", date=START, updated=START + timedelta(days=30))
    newer = make_post("newer", date=START + timedelta(days=2))
    data = feed(make_config(), [newer, older])
    root = ET.fromstring(data)
    assert root.findtext(f"{ATOM}updated") == "2025-01-31T09:30:00+03:00"
    entries = root.findall(f"{ATOM}entry")
    assert entries[1].findtext(f"{ATOM}published") == "2025-01-01T09:30:00+03:00"
    assert entries[1].findtext(f"{ATOM}updated") == "2025-01-31T09:30:00+03:00"
    assert entries[0].findtext(f"{ATOM}updated") == "2025-01-03T09:30:00+03:00"


def test_an_update_dated_before_publication_does_not_go_back_in_time() -> None:
    post = make_post("odd", date=START, updated=START - timedelta(days=1))
    root = ET.fromstring(feed(make_config(), [post]))
    assert root.findtext(f"{ATOM}entry/{ATOM}updated") == "2025-01-01T09:30:00+03:00"


@pytest.mark.parametrize(("author", "expected"), [("Анна", "Анна"), ("", "Блог об ИИ")])
def test_author_is_the_configured_one_else_the_site_title(author: str, expected: str) -> None:
    parsed = parse(feed(make_config(author=author), [make_post()]))
    assert parsed.feed.author == expected
    assert parsed.entries[0].author == expected


def test_categories_and_tags_are_told_apart_by_scheme() -> None:
    post = make_post(
        "t", categories=(term("categories", "Модели"),), tags=(term("tags", "Модели"),)
    )
    tags = parse(feed(make_config(), [post])).entries[0].tags
    assert [(t.term, t.scheme) for t in tags] == [
        ("Модели", "https://example.org/categories/"),
        ("Модели", "https://example.org/tags/"),
    ]


def test_summary_and_language_come_through() -> None:
    parsed = parse(feed(make_config(), [make_post("s")], language="en"))
    assert parsed.feed.language == "en"
    assert parsed.entries[0].summary == "Описание s"


def test_without_a_host_urls_stay_under_the_base_path_and_ids_stay_valid() -> None:
    config = make_config("/blog/")
    post = make_post("p", html='<p><img src="/images/a.png" alt=""></p>')
    data = feed(config, [post])
    parsed = parse(data)
    entry = parsed.entries[0]
    assert entry.link == "/blog/posts/p/"
    assert '<img alt="" src="/blog/images/a.png" />' in entry.content[0].value
    # atom:id must be an absolute IRI: a name-based UUID that is the same on every build
    assert entry.id.startswith("urn:uuid:")
    assert parsed.feed.id.startswith("urn:uuid:")
    assert entry.id == parse(feed(config, [post, make_post("q")])).entries[1].id
    assert entry.id != parse(feed(config, [make_post("q")])).entries[0].id


def test_an_empty_feed_is_still_valid_and_deterministic() -> None:
    data = feed(make_config(), [])
    parsed = parse(data)
    assert parsed.entries == []
    assert ET.fromstring(data).findtext(f"{ATOM}updated") == "1970-01-01T00:00:00+00:00"


def test_feed_urls_sit_at_the_site_root_and_beside_each_category_page() -> None:
    assert FEED_URL == "/feed.xml"
    assert category_feed_url(term("categories", "Машинное обучение")) == (
        "/categories/mashinnoe-obuchenie/feed.xml"
    )
