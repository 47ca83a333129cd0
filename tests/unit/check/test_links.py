"""check_links: internal links, images, fragments and external links."""

from __future__ import annotations

import re

import pytest

from blogbuild.check import Finding, check_links
from blogbuild.check.rules import links
from blogbuild.check.rules.links import Site

SITE = frozenset({"/", "/posts/test/", "/posts/other/", "/assets/images/a.png"})
IDS = {"/posts/test/": frozenset({"vvedenie"}), "/posts/other/": frozenset({"итоги"})}


def _check(make_post, body: str, html: str, base_path: str = "/", **fields) -> list[Finding]:
    return check_links(make_post(body, **fields), html, SITE, IDS, base_path)


def _rules(findings: list[Finding]) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in findings]


def test_working_links_have_no_findings(make_post) -> None:
    body = "[Другой](/posts/other/#итоги) и [раздел](#vvedenie).\n\n![](/assets/images/a.png)\n"
    html = (
        '<p><a href="/posts/other/#%D0%B8%D1%82%D0%BE%D0%B3%D0%B8">Другой</a>'
        ' <a href="#vvedenie">раздел</a></p><p><img src="/assets/images/a.png"></p>'
    )
    assert _check(make_post, body, html) == []


def test_broken_link_and_image_are_found_on_their_source_lines(make_post) -> None:
    body = "Текст.\n\n[Нет такой](/posts/missing/)\n\n![](../../assets/images/b.png)\n"
    html = '<a href="/posts/missing/">Нет</a><img src="../../assets/images/b.png">'
    findings = _check(make_post, body, html, body_line=4)
    assert _rules(findings) == [(6, "broken-link"), (8, "broken-image")]
    assert findings[0].col == 13  # where the URL starts


def test_missing_fragment_is_found(make_post) -> None:
    body = "См. [раздел](#net-takogo) и [итоги](/posts/other/#нет).\n"
    html = '<a href="#net-takogo">раздел</a><a href="/posts/other/#нет">итоги</a>'
    assert _rules(_check(make_post, body, html)) == [(1, "broken-fragment")] * 2


def test_front_matter_image_is_checked_on_its_key_line(make_post) -> None:
    post_fields = {"image": "/assets/images/posts/post-10.png", "meta_lines": {"image": 4}}
    findings = _check(make_post, "Текст.\n", "<p>Текст.</p>", **post_fields)
    assert _rules(findings) == [(4, "broken-image")]


def test_external_links_are_listed_as_info(make_post) -> None:
    body = "См. [статью](https://arxiv.org/abs/1706.03762).\n"
    html = '<a href="https://arxiv.org/abs/1706.03762">статью</a><a href="mailto:a@b.c">почта</a>'
    (finding,) = _check(make_post, body, html)
    assert (finding.rule, finding.severity, finding.col) == ("external-link", "info", 14)


def test_base_path_is_removed_before_lookup(make_post) -> None:
    html = '<a href="/blog/posts/other/">ok</a><a href="/posts/other/">outside</a>'
    body = "[ok](/blog/posts/other/)\n\n[outside](/posts/other/)\n"
    assert _rules(_check(make_post, body, html, base_path="/blog/")) == [(3, "broken-link")]


def test_relative_links_resolve_from_the_post_page(make_post) -> None:
    html = '<a href="../other/">ok</a><a href="../gone/">нет</a>'
    body = "[ok](../other/) [нет](../gone/)\n"
    assert _rules(_check(make_post, body, html)) == [(1, "broken-link")]


PLAIN_URLS = [
    "/posts/other/", "/posts/other", "/posts/other/index.html", "/posts/other/#итоги",
    "/posts/other/#нет", "/posts/missing/", "/assets/images/a.png", "/assets/images/b.png",
    "#vvedenie", "#net", "/", "/blog/posts/other/", "/blog/posts/test/#vvedenie", "/blog",
    "/blog/", "/posts/test#vvedenie", "", "/~user/", "/a-b_c.d/",
]  # fmt: skip


@pytest.mark.parametrize("base", ["/", "/blog/"])
@pytest.mark.parametrize("tag", ["a", "img"])
def test_plain_site_urls_resolve_as_urllib_resolves_them(
    base: str, tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain site paths skip urllib; forcing them through it must give the same hits."""
    ids = {f"{base}posts/test/".replace("/blog/", "/"): frozenset({"vvedenie"}), **IDS}
    site = Site(SITE, ids, base)
    page = "/posts/test/"
    assert all(links._PLAIN_SITE_URL.match(url) for url in PLAIN_URLS)
    quick = [list(links.resolve(site, tag, url, page, (1, 1))) for url in PLAIN_URLS]
    monkeypatch.setattr(links, "_PLAIN_SITE_URL", re.compile(r"(?!)"))
    slow = [list(links.resolve(site, tag, url, page, (1, 1))) for url in PLAIN_URLS]
    assert quick == slow
    assert any(quick) and not all(quick)  # the list holds both good and broken URLs
