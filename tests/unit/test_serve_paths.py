"""Request paths to site outputs: folders, redirects, base paths, and every escape attempt."""

from __future__ import annotations

import pytest

from blogbuild.serve.paths import (
    Found,
    NotFound,
    Redirect,
    content_type,
    host_allowed,
    request_path,
    resolve,
)

OUTPUTS = {
    "index.html",
    "404.html",
    "posts/x/index.html",
    "posts/x/index.md",
    "assets/css/style.css",
    "assets/img/схема.png",
    "feed.xml",
}


def _resolve(target: str, base: str = "/") -> object:
    return resolve(target, base, OUTPUTS.__contains__)


@pytest.mark.parametrize(
    ("target", "key"),
    [
        ("/", "index.html"),
        ("/posts/x/", "posts/x/index.html"),
        ("/posts/x/index.html", "posts/x/index.html"),
        ("/posts/x/index.md", "posts/x/index.md"),
        ("/posts/x/?utm=1#top", "posts/x/index.html"),
        ("/assets/css/style.css?v=3", "assets/css/style.css"),
        ("/assets/img/%D1%81%D1%85%D0%B5%D0%BC%D0%B0.png", "assets/img/схема.png"),
        ("http://127.0.0.1:8000/feed.xml", "feed.xml"),
    ],
)
def test_site_paths_find_their_output(target: str, key: str) -> None:
    assert _resolve(target) == Found(key)


def test_a_folder_without_its_slash_redirects_to_it() -> None:
    assert _resolve("/posts/x") == Redirect("/posts/x/")


def test_missing_paths_are_not_found() -> None:
    for target in ("/posts/y/", "/posts/y", "/assets/", "/assets", "/nothing.html"):
        assert _resolve(target) == NotFound(), target


@pytest.mark.parametrize(
    "target",
    [
        "/../etc/passwd",
        "/posts/../../etc/passwd",
        "/posts/x/../../index.html",
        "/./index.html",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/index.html",
        "/assets/%2e%2e/%2e%2e/blogbuild.yaml",
        "/assets%2fcss%2fstyle.css",
        "/assets%2F..%2F..%2Fblogbuild.yaml",
        "/assets/..%5c..%5cblogbuild.yaml",
        "/assets\\..\\..\\blogbuild.yaml",
        "/assets/css\\style.css",
        "//etc/passwd",
        "//evil.example/",
        "/posts//x/",
        "/index.html%00.png",
        "/index.html\x00",
        "/%00",
        "/%ff%fe",
        "etc/passwd",
        "*",
        "C:\\Windows\\win.ini",
        "http://evil.example/../../etc/passwd",
    ],
)
def test_paths_that_could_leave_the_site_are_refused(target: str) -> None:
    assert request_path(target) is None or _resolve(target) == NotFound()
    assert _resolve(target) == NotFound()


def test_double_encoding_is_decoded_once_and_not_found() -> None:
    assert request_path("/%252e%252e/") == "/%2e%2e/"
    assert _resolve("/%252e%252e/index.html") == NotFound()


def test_a_base_path_holds_the_site_and_the_root_redirects_to_it() -> None:
    assert _resolve("/", "/blog/") == Redirect("/blog/")
    assert _resolve("/blog", "/blog/") == Redirect("/blog/")
    assert _resolve("/blog/", "/blog/") == Found("index.html")
    assert _resolve("/blog/posts/x/", "/blog/") == Found("posts/x/index.html")
    assert _resolve("/blog/posts/x", "/blog/") == Redirect("/blog/posts/x/")
    assert _resolve("/posts/x/", "/blog/") == NotFound()
    assert _resolve("/blogposts/x/", "/blog/") == NotFound()
    assert _resolve("/blog/../posts/x/", "/blog/") == NotFound()


def test_redirects_are_percent_encoded() -> None:
    outputs = {"posts/схема/index.html"}
    found = resolve("/posts/%D1%81%D1%85%D0%B5%D0%BC%D0%B0", "/", outputs.__contains__)
    assert found == Redirect("/posts/%D1%81%D1%85%D0%B5%D0%BC%D0%B0/")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/css/style.css", "text/css; charset=utf-8"),
        ("assets/js/theme.js", "text/javascript; charset=utf-8"),
        ("feed.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("posts/x/index.md", "text/markdown; charset=utf-8"),
        ("data.json", "application/json; charset=utf-8"),
        ("assets/img/logo.SVG", "image/svg+xml; charset=utf-8"),
        ("assets/img/a.png", "image/png"),
        ("assets/img/a.jpeg", "image/jpeg"),
        ("assets/fonts/a.woff2", "font/woff2"),
        ("assets/blob", "application/octet-stream"),
    ],
)
def test_content_types_name_utf8_for_text(key: str, expected: str) -> None:
    assert content_type(key) == expected


@pytest.mark.parametrize(
    ("host", "bound", "allowed"),
    [
        ("127.0.0.1:8000", "127.0.0.1", True),
        ("localhost:8000", "127.0.0.1", True),
        ("blog.localhost:8000", "127.0.0.1", True),
        ("[::1]:8000", "::1", True),
        ("192.168.1.5:8000", "127.0.0.1", True),
        (None, "127.0.0.1", True),
        ("evil.example:8000", "127.0.0.1", False),
        ("evil.example", "localhost", False),
        ("127.0.0.1.nip.io:8000", "127.0.0.1", False),
        ("my-laptop.local:8000", "0.0.0.0", True),
        ("anything.example", "192.168.1.5", True),
    ],
)
def test_a_loopback_server_answers_only_loopback_names(
    host: str | None, bound: str, allowed: bool
) -> None:
    assert host_allowed(host, bound) is allowed
