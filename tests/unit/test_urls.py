from blogbuild.content.permalinks import page_folder, suffixed_url
from blogbuild.content.relurls import resolve_relative, resolve_url
from blogbuild.site.urls import absolute, output_file, place_under


def test_output_files() -> None:
    assert output_file("/") == "index.html"
    assert output_file("/posts/x/") == "posts/x/index.html"
    assert output_file("/feed.xml") == "feed.xml"


def test_root_relative_urls_move_under_the_base_path() -> None:
    html = '<a href="/posts/x/">x</a><img src="/a.png" srcset="/a.png 1x, /b.png 2x"><a href="//cdn.x/y">'
    placed = place_under(html, "/blog/")
    assert 'href="/blog/posts/x/"' in placed
    assert 'src="/blog/a.png"' in placed
    assert 'srcset="/blog/a.png 1x, /blog/b.png 2x"' in placed
    assert 'href="//cdn.x/y"' in placed


def test_urls_already_under_the_base_path_and_other_urls_are_kept() -> None:
    html = '<a href="/blog/posts/x/">a</a><a href="https://x.org/">b</a><a href="#top">c</a><a href="rel/">d</a>'
    assert place_under(html, "/blog/") == html


def test_root_base_is_a_no_op_and_absolute_base_gives_full_urls() -> None:
    html = '<a href="/posts/x/">x</a>'
    assert place_under(html, "/") == html
    assert (
        place_under(html, "https://me.github.io/blog/")
        == '<a href="https://me.github.io/blog/posts/x/">x</a>'
    )
    assert (
        absolute("/posts/x/", "https://me.github.io/blog/") == "https://me.github.io/blog/posts/x/"
    )
    assert absolute("/posts/x/", "/") == "/posts/x/"
    assert absolute("/posts/x/", "/blog/") == "/blog/posts/x/"


def test_relative_urls_of_a_post_resolve_against_its_folder() -> None:
    html = (
        '<img src="cover.png"><a href="data/t.csv#x">d</a><a href="#top">t</a>'
        '<a href="https://x.org/">e</a><img src="/abs.png"><a href="mailto:a@b.c">m</a>'
        '<img srcset="a.png 1x, /b.png 2x">'
    )
    assert resolve_relative(html, "x/index.md", "/posts/x/") == (
        '<img src="/posts/x/cover.png"><a href="/posts/x/data/t.csv#x">d</a><a href="#top">t</a>'
        '<a href="https://x.org/">e</a><img src="/abs.png"><a href="mailto:a@b.c">m</a>'
        '<img srcset="/posts/x/a.png 1x, /b.png 2x">'
    )
    # a post file with a folder of its own name: `notes/pic.png` is the copy beside its page
    assert resolve_relative('<img src="notes/pic.png">', "notes.md", "/posts/renamed/") == (
        '<img src="/posts/renamed/pic.png">'
    )


def test_one_url_of_a_post_resolves_the_same_way() -> None:
    assert resolve_url("cover.png", "x/index.md", "/posts/x/") == "/posts/x/cover.png"
    assert resolve_url("https://x.org/a.png", "x/index.md", "/posts/x/") == "https://x.org/a.png"
    assert resolve_url("/img/a.png", "x/index.md", "/posts/x/") == "/img/a.png"


def test_a_page_ending_in_html_resolves_against_the_folder_it_is_in() -> None:
    folder = page_folder("/2020/01/02/x.html")
    assert folder == "/2020/01/02/"
    assert resolve_url("img/a.png", "_posts/2020-01-02-x.md", folder) == "/2020/01/02/img/a.png"
    assert resolve_url("../b.png", "_posts/2020-01-02-x.md", folder) == "/2020/01/b.png"


def test_a_later_post_of_one_url_gets_a_numbered_one_of_the_same_form() -> None:
    assert suffixed_url("/posts/x/", 2) == "/posts/x-2/"
    assert suffixed_url("/2020/01/02/x.html", 3) == "/2020/01/02/x-3.html"
    assert suffixed_url("/v1.0/x", 2) == "/v1.0/x-2"
