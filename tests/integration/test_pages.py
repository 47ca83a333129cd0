"""Pages that stand alone (about, contacts): found, built at their URLs, in the header's menu,
and kept out of every list of posts; in a blogbuild site, a Jekyll site and a Hugo site."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.clirun import blogbuild
from tests.integration.linkwalk import broken_links

POST = "---\ntitle: Первая запись\ndate: 2024-03-01\ncategories: [ИИ]\n---\nТекст записи.\n"


def _write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _read(dist: Path, rel: str) -> str:
    return (dist / rel).read_text(encoding="utf-8")


def _nav(html: str) -> str:
    return html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]


def test_a_blogbuild_sites_pages_are_built_apart_from_its_posts(tmp_path: Path) -> None:
    _write(tmp_path, {
        "blogbuild.yaml": "title: Блог\nbase_url: https://example.org/\n",
        "content/posts/2024-03-01-first.md": POST,
        "content/pages/about.md": "---\ntitle: О блоге\nmenu:\n  weight: 2\n---\nКто пишет.\n",
        "content/pages/contacts/index.md": (
            "---\ntitle: Контакты\nmenu:\n  weight: 1\n---\n![Я](me.png)\n"
        ),
        "content/pages/contacts/me.png": b"\x89PNG\r\n\x1a\n",
        "content/pages/docs/intro.md": "---\ntitle: Введение\n---\nПодробности.\n",
        "content/pages/moved.md": (
            "---\ntitle: Переехала\npermalink: /hello/\naliases: [/old-hello/]\n---\nТекст.\n"
        ),
    })  # fmt: skip
    built = blogbuild("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "Built 1 post and" in built.stdout
    dist = tmp_path / "dist"
    about = _read(dist, "about/index.html")
    assert "Кто пишет." in about and "<time" not in about and 'rel="next"' not in about
    assert '<meta property="og:type" content="website">' in about
    assert "BlogPosting" not in about
    assert "Подробности." in _read(dist, "docs/intro/index.html")
    assert "Текст." in _read(dist, "hello/index.html")
    assert 'url=/hello/"' in _read(dist, "old-hello/index.html")
    assert (dist / "contacts" / "me.png").read_bytes().startswith(b"\x89PNG")
    # the menu: by weight, the current page marked, on every page
    nav = _nav(about)
    assert nav.index('href="/contacts/"') < nav.index('href="/about/" aria-current="page"')
    assert 'href="/about/"' in _nav(_read(dist, "index.html"))
    assert 'href="/docs/intro/"' not in nav  # no `menu:`, no link in the header
    # in the sitemap and llms.txt, in no list or feed of posts
    assert "https://example.org/docs/intro/" in _read(dist, "sitemap.xml")
    assert "## Pages" in _read(dist, "llms.txt")
    for listing in ("index.html", "archive/index.html", "feed.xml"):
        assert "/about/" not in _read(dist, listing).split("<main")[-1], listing
    assert all(
        "/about/" not in item["url"] for item in json.loads(_read(dist, "feed.json"))["items"]
    )
    assert broken_links(dist) == []
    # a page is undated and in no category: `check` does not ask for either
    checked = blogbuild("check", cwd=tmp_path)
    asked = [line for line in checked.stdout.splitlines() if "missing-" in line]
    assert any("content/posts" in line and "missing-date" not in line for line in asked)
    assert not [line for line in asked if "content/pages" in line and "description" not in line]


JEKYLL_POST = "---\ntitle: Post\n---\nText of the post.\n"


def test_a_jekyll_sites_pages_and_files_are_built_as_jekyll_would(tmp_path: Path) -> None:
    _write(tmp_path, {
        "_config.yml": "title: Blog\nexclude: [notes/]\ninclude: [.htaccess]\n",
        ".htaccess": "ErrorDocument 404 /404.html\n",
        ".env": "TOKEN=secret\n",
        "_posts/2024-03-01-first.md": JEKYLL_POST,
        "about.md": "---\ntitle: About\npermalink: /about/\n---\nWho writes.\n",
        "links.md": "---\ntitle: Links\n---\nSome links.\n",
        "index.md": "---\nlayout: home\n---\n",
        "tag/nlp.md": "---\nlayout: tagpage\ntag: nlp\n---\n",
        "archive.html": "---\nlayout: page\n---\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n",
        "css/main.scss": "---\n---\n@import 'minima';\n",
        "robots.txt": "User-agent: *\nDisallow: /private/\n",
        "files/data.csv": "a,b\n1,2\n",
        "assets/app.js": "console.log(1)\n",
        "assets/css/style.css": "body { color: red }\n",
        "notes/todo.txt": "excluded\n",
        "Gemfile": "source 'https://rubygems.org'\n",
    })  # fmt: skip
    built = blogbuild("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    dist = tmp_path / "_site"
    assert "Who writes." in _read(dist, "about/index.html")
    assert "Some links." in _read(dist, "links.html")  # the `date` style: Jekyll's .html
    assert _read(dist, "files/data.csv") == "a,b\n1,2\n"
    assert _read(dist, "assets/app.js") == "console.log(1)\n"
    assert "Disallow: /private/" in _read(dist, "robots.txt")
    assert "color: red" not in _read(dist, "assets/css/style.css")  # the theme's own stays
    assert _read(dist, ".htaccess").startswith("ErrorDocument")  # `include:` names it
    for left_out in ("notes/todo.txt", "Gemfile", "tag/nlp/index.html", "archive.html", ".env"):
        assert not (dist / left_out).exists(), left_out
    # each file found and not built or copied is named, once
    not_built = [line for line in built.stderr.splitlines() if "not built" in line]
    assert len(not_built) == 1, built.stderr
    for name in ("index.md", "tag/nlp.md", "archive.html", "css/main.scss"):
        assert name in not_built[0], name
    assert "not copied, as blogbuild makes its own: assets/css/style.css" in built.stderr
    assert 'href="/about/"' in _nav(_read(dist, "index.html"))  # a titled page, as minima
    assert broken_links(dist) == []


def test_a_hugo_sites_pages_are_its_undated_sections_and_top_files(tmp_path: Path) -> None:
    _write(tmp_path, {
        "hugo.toml": "title = 'Blog'\nbaseURL = 'https://example.org/'\n",
        "content/posts/first.md": "+++\ntitle = 'First'\ndate = 2024-03-01\n+++\nA post.\n",
        "content/about.md": (
            "+++\ntitle = 'About'\n[menu]\n[[menu.main]]\n  weight = 10\n+++\nWho writes.\n"
        ),
        "content/pages/faq.md": '{\n  "title": "FAQ",\n  "url": "/faq"\n}\nQuestions.\n',
        "content/pages/_index.md": "+++\ntitle = 'Pages'\n+++\n",
    })  # fmt: skip
    built = blogbuild("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "Built 1 post and" in built.stdout
    assert "posts from content/posts/" in built.stderr
    dist = tmp_path / "public"
    assert "Who writes." in _read(dist, "about/index.html")
    assert "Questions." in _read(dist, "faq/index.html")
    assert 'href="/about/"' in _nav(_read(dist, "index.html"))
    assert 'href="/faq/"' not in _nav(_read(dist, "index.html"))
    assert "/faq/" not in _read(dist, "feed.xml")
    assert broken_links(dist) == []


def test_a_page_at_a_url_the_site_makes_itself_is_refused_naming_it(tmp_path: Path) -> None:
    _write(tmp_path, {
        "blogbuild.yaml": "title: Блог\n",
        "content/posts/2024-03-01-first.md": POST,
        "content/pages/archive.md": "---\ntitle: Мой архив\n---\nСвой архив.\n",
        "content/pages/tags.md": "---\ntitle: Метки\npermalink: /tags/\n---\nТекст.\n",
    })  # fmt: skip
    built = blogbuild("build", cwd=tmp_path)
    assert built.returncode == 1
    for name, url in (("archive.md", "/archive/"), ("tags.md", "/tags/")):
        assert f"content/pages/{name}: its URL {url} is a page the site makes itself" in (
            built.stderr
        ), built.stderr
    assert not (tmp_path / "dist").exists()


def test_the_configs_menu_replaces_the_themes_links_in_its_order(tmp_path: Path) -> None:
    _write(tmp_path, {
        "blogbuild.yaml": (
            "title: Блог\nmenu:\n  - {title: Архив, url: /archive/, weight: 2}\n"
            "  - {title: Обо мне, page: about.md, weight: 1}\n"
            "  - {title: Код, url: 'https://github.com/me'}\n"
        ),
        "content/posts/2024-03-01-first.md": POST,
        "content/pages/about.md": "---\ntitle: О блоге\n---\nКто пишет.\n",
    })  # fmt: skip
    built = blogbuild("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    nav = _nav(_read(tmp_path / "dist", "about/index.html"))
    hrefs = [part.split('"', 1)[0] for part in nav.split('href="')[1:]]
    assert hrefs == ["https://github.com/me", "/about/", "/archive/"]  # weight 0, 1, 2
    assert 'href="/about/" aria-current="page">Обо мне<' in nav
    assert "/categories/" not in nav


def test_a_menu_item_without_its_page_or_url_is_refused_with_the_config(tmp_path: Path) -> None:
    _write(tmp_path, {
        "blogbuild.yaml": "menu:\n  - {title: Обо мне, page: missing.md}\n  - {title: Пусто}\n",
        "content/posts/2024-03-01-first.md": POST,
    })  # fmt: skip
    built = blogbuild("build", cwd=tmp_path)
    assert built.returncode == 1
    assert "blogbuild.yaml:1: menu: 'Пусто' needs one of `url`" in built.stderr, built.stderr
    (tmp_path / "blogbuild.yaml").write_text("menu:\n  - {title: Обо мне, page: missing.md}\n")
    again = blogbuild("build", cwd=tmp_path)
    assert again.returncode == 1
    assert "blogbuild.yaml: menu: no page missing.md for 'Обо мне'" in again.stderr, again.stderr
