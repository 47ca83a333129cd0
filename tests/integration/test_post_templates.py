"""Liquid and shortcodes in the posts of a whole site: links between posts, base paths,
warnings with file lines, and rebuilds when what they read changes."""

from __future__ import annotations

import os
from pathlib import Path

from lxml import html as lxml_html

from blogbuild.options import BuildOptions
from blogbuild.pipeline.recipe import build
from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild


def _build(site: SiteMaker, **options: object) -> tuple[list[str], int]:
    """Build the site in this process; its warnings and how many posts were rendered."""
    result = build(BuildOptions(source=site.root, workers=1, **options))  # type: ignore[arg-type]
    return [str(w) for w in result.output.warnings], result.output.rendered_pages


def _touch_later(path: Path) -> None:
    """Give an edited file a modification time the build cannot take for the old one."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def _linking_posts(site: SiteMaker, target_slug: str = "") -> None:
    slug = f"slug: {target_slug}\n" if target_slug else ""
    site.post("2019-05-01-target.md", f"---\ntitle: Цель\n{slug}---\nТекст цели.\n", raw=True)
    site.post(
        "2019-06-01-source.md",
        "---\ntitle: Источник\n---\n"
        "См. [цель]({% post_url 2019-05-01-target %}) и "
        '[ещё]({{< relref "2019-05-01-target.md" >}}).\n',
        raw=True,
    )


def _hrefs(site: SiteMaker) -> list[str]:
    page = (site.root / "dist" / "posts" / "source" / "index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(page)
    return [a.get("href") for a in tree.xpath("//article//a") if a.text in ("цель", "ещё")]


def test_post_url_follows_the_slug_in_the_target_front_matter(site: SiteMaker) -> None:
    _linking_posts(site, target_slug="svoy-adres")
    _build(site)
    assert _hrefs(site) == ["/posts/svoy-adres/", "/posts/svoy-adres/"]


def test_changed_target_url_renders_the_linking_post_again(site: SiteMaker) -> None:
    _linking_posts(site)
    _build(site)
    assert _hrefs(site) == ["/posts/target/", "/posts/target/"]
    target = site.root / "content" / "posts" / "2019-05-01-target.md"
    target.write_text("---\ntitle: Цель\nslug: novyy\n---\nТекст цели.\n", encoding="utf-8")
    _touch_later(target)
    _build(site)
    assert _hrefs(site) == ["/posts/novyy/", "/posts/novyy/"]
    # and a third build, with nothing changed, takes the relinked post from the cache
    _build(site)
    assert _hrefs(site) == ["/posts/novyy/", "/posts/novyy/"]


def test_links_are_under_the_base_path(site: SiteMaker) -> None:
    _linking_posts(site)
    site.post(
        "2019-07-01-base.md",
        "---\ntitle: База\n---\n"
        "[a]({{ site.baseurl }}{% post_url 2019-05-01-target %}) "
        "![b]({{ '/img/b.png' | relative_url }})\n",
        raw=True,
    )
    _build(site, base_url="/blog/")
    page = (site.root / "dist" / "posts" / "base" / "index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//article//a[text()='a']/@href") == ["/blog/posts/target/"]
    assert tree.xpath("//article//img[@alt='b']/@src") == ["/blog/img/b.png"]
    assert _hrefs(site) == ["/blog/posts/target/", "/blog/posts/target/"]


def test_problems_name_the_file_and_line(site: SiteMaker) -> None:
    site.post(
        "2019-05-01-broken.md",
        "---\ntitle: Сломано\n---\nАбзац.\n\n[x]({% post_url 2000-01-01-none %})\n\n"
        "{% assign a = 1 %}\n\n{{< spoiler >}}Тайна{{< /spoiler >}}\n\n"
        "{% include missing.html %}\n",
        raw=True,
    )
    warnings, _ = _build(site)
    rel = "content/posts/2019-05-01-broken.md"
    assert f"{rel}:6: warning: {{% post_url %}}: no post named '2000-01-01-none'" in "\n".join(
        warnings
    )
    assert any(w.startswith(f"{rel}:8: warning: Liquid tag '{{% assign %}}'") for w in warnings)
    assert any(w.startswith(f"{rel}:10: warning: unknown shortcode 'spoiler'") for w in warnings)
    assert any(w.startswith(f"{rel}:12: warning: {{% include missing.html %}}") for w in warnings)
    page = (site.root / "dist" / "posts" / "broken" / "index.html").read_text(encoding="utf-8")
    body = "".join(lxml_html.fromstring(page).xpath("//article")[0].itertext())
    assert "Тайна" in body and "{%" not in body and "{{" not in body
    # warnings are repeated by a build that takes the post from the cache
    again, _ = _build(site)
    assert sorted(again) == sorted(warnings)


def test_site_shortcode_and_include_templates(site: SiteMaker) -> None:
    site.file("templates/shortcodes/callout.html", '<div class="callout">{{ inner }}</div>\n')
    site.file("_includes/sign.html", '<p class="sign">{{ include.who }}, {{ site.title }}</p>\n')
    site.config("title: Мой блог\n")
    site.post(
        "2019-05-01-t.md",
        "---\ntitle: Т\n---\n{{% callout %}}\n*Важно*\n{{% /callout %}}\n\n"
        '{% include sign.html who="Автор" %}\n',
        raw=True,
    )
    _build(site)
    page = site.root / "dist" / "posts" / "t" / "index.html"
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    assert tree.xpath("//div[@class='callout']/p/em/text()") == ["Важно"]
    assert tree.xpath("//p[@class='sign']/text()") == ["Автор, Мой блог"]
    # editing a shortcode template renders the posts that use it again
    template = site.root / "templates" / "shortcodes" / "callout.html"
    template.write_text('<div class="callout new">{{ inner }}</div>\n', encoding="utf-8")
    _build(site)
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    assert tree.xpath("//div[@class='callout new']/p/em/text()") == ["Важно"]


def test_names_no_file_could_have_and_unreadable_templates_are_warnings(site: SiteMaker) -> None:
    long = "a" * 300
    body = (
        f"---\ntitle: Длинное\n---\nТекст.\n\n{{% {long} %}}\n\n{{{{< {long} >}}}}\n\n"
        f"{{% include {long}.html %}}\n\n{{{{< broken >}}}}\n"
    )
    site.post("2025-01-01-long.md", body, raw=True)
    shortcodes = site.root / "templates" / "shortcodes"
    shortcodes.mkdir(parents=True)
    (shortcodes / "broken.html").write_bytes(b"\xff\xfe not UTF-8")
    warnings, _ = _build(site)
    text = "\n".join(warnings)
    assert "unexpected error" not in text
    assert f"2025-01-01-long.md:6: warning: Liquid tag '{{% {long} %}}' is not supported" in text
    assert f"2025-01-01-long.md:8: warning: unknown shortcode '{long}'" in text
    assert f"2025-01-01-long.md:10: warning: {{% include {long}.html %}}: no such file" in text
    assert "2025-01-01-long.md:12: warning: shortcode 'broken': cannot read broken.html: " in text
    done = blogbuild("check", "--source", str(site.root), timeout=60)
    assert "unexpected error" not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
