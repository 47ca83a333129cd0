"""Every kind of change, rebuilt with the cache, gives exactly the dist/ of a cold build."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from blogbuild.options import BuildOptions
from blogbuild.pipeline.recipe import build
from blogbuild.site.views import Page
from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild

pytestmark = pytest.mark.slow


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _make(site: SiteMaker) -> None:
    site.config(
        "title: Инкрементальный блог\nbase_url: https://inc.example.org/\nposts_per_page: 2\n"
    )
    for n in range(1, 7):
        category = "Машинное обучение" if n % 2 else "NLP"
        site.post(
            f"2025-03-{n:02d}-post-{n}.md",
            f"---\ntitle: Пост {n}\ncategories: [{category}]\ntags: [тег{n % 3}]\n---\n"
            f"Абзац {n} о нейросетях.\n\n## Раздел\n\nТекст раздела {n}.\n\n```python\nprint({n})\n```\n",
            raw=True,
        )
    site.file("assets/img/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    site.file("static/.well-known/security.txt", "Contact: mailto:a@example.org\n")
    _age(site.root)


def _assert_equals_a_cold_build(site: SiteMaker, tmp_path: Path) -> Path:
    """The site's dist/ is byte for byte what a cold build of a copy makes; the copy."""
    cold_site = tmp_path / "cold"
    shutil.copytree(site.root, cold_site, ignore=shutil.ignore_patterns("dist", ".blogbuild-cache"))
    cold = blogbuild("build", "--source", str(cold_site), "--no-cache")
    assert cold.returncode == 0, cold.stderr
    assert _tree(site.root / "dist") == _tree(cold_site / "dist")
    return cold_site


def _age(root: Path) -> None:
    """Date every file an hour back: settled files are known by size and mtime, unread."""
    an_hour_ago = time.time_ns() - 3600 * 1_000_000_000
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(an_hour_ago, an_hour_ago))


def _posts(site: SiteMaker) -> Path:
    return site.root / "content" / "posts"


def _edit_text(site: SiteMaker) -> None:
    path = _posts(site) / "2025-03-03-post-3.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Текст раздела 3.", "Новый текст."),
        encoding="utf-8",
    )


def _move_category(site: SiteMaker) -> None:
    path = _posts(site) / "2025-03-03-post-3.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[Машинное обучение]", "[NLP]"), encoding="utf-8"
    )


def _edit_template(site: SiteMaker) -> None:
    site.file(
        "templates/partials/post_meta.html", '<p class="meta">{{ post.date | long_date }}</p>\n'
    )


def _edit_config(site: SiteMaker) -> None:
    site.config("title: Новое имя\nbase_url: https://inc.example.org/\nposts_per_page: 3\n")


def _edit_asset(site: SiteMaker) -> None:
    site.file("assets/img/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><g/></svg>")


def _edit_static(site: SiteMaker) -> None:
    site.file("static/.well-known/security.txt", "Contact: mailto:b@example.org\n")


def _add_favicon(site: SiteMaker) -> None:
    site.file("static/favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")


def _add_robots(site: SiteMaker) -> None:
    site.file("static/robots.txt", "User-agent: *\nSitemap: https://inc.example.org/sitemap.xml\n")


def _delete(site: SiteMaker) -> None:
    (_posts(site) / "2025-03-04-post-4.md").unlink()


def _rename(site: SiteMaker) -> None:
    (_posts(site) / "2025-03-05-post-5.md").rename(_posts(site) / "2025-03-05-renamed.md")


def _add(site: SiteMaker) -> None:
    site.post(
        "2025-03-09-new.md", "---\ntitle: Новый\ncategories: [CV]\n---\nНовый пост.\n", raw=True
    )


def _take_a_url(site: SiteMaker) -> None:
    # an earlier post now wants post 3's URL: post 3 moves to /posts/post-3-2/, and its
    # relative links with it
    site.post(
        "2025-02-01-older.md",
        "---\ntitle: Старше\nslug: post-3\naliases: [/old/older/]\n---\nСтарый пост.\n",
        raw=True,
    )


def _add_old_url(site: SiteMaker) -> None:
    path = _posts(site) / "2025-03-02-post-2.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title:", "aliases: [/p/2/]\ntitle:"),
        encoding="utf-8",
    )


CHANGES: dict[str, Callable[[SiteMaker], None]] = {
    "url taken": _take_a_url,
    "old url": _add_old_url,
    "post text": _edit_text,
    "category moved": _move_category,
    "template": _edit_template,
    "config": _edit_config,
    "asset": _edit_asset,
    "static file": _edit_static,
    "static favicon": _add_favicon,
    "static robots.txt": _add_robots,
    "deletion": _delete,
    "rename": _rename,
    "new post": _add,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_rebuild_equals_a_cold_build(
    change: str, site: SiteMaker, tmp_path: Path
) -> None:
    _make(site)
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    CHANGES[change](site)
    incremental = blogbuild("build", "--source", str(site.root))
    assert incremental.returncode == 0, incremental.stderr
    assert "nothing changed" not in incremental.stdout
    cold_site = _assert_equals_a_cold_build(site, tmp_path)
    assert not (cold_site / ".blogbuild-cache").exists()


# Templates that show more than the default theme: every page lists the site's categories
# with their counts, and the index shows each post's whole body.
_SHOWING_MORE = {
    "templates/partials/post_meta.html": (
        '<p class="meta">{{ post.date | long_date }}</p>\n'
        "<ul>{% for term in categories %}<li>{{ term.name }}: {{ term.count }}</li>"
        "{% endfor %}</ul>\n"
    ),
    "templates/index.html": (
        '{% extends "base.html" %}{% block content %}'
        "{% for post in posts %}<article>{{ post.html | safe }}</article>{% endfor %}"
        "{% endblock %}\n"
    ),
}


@pytest.mark.parametrize("change", ["post text", "new post", "category moved", "deletion"])
def test_pages_showing_site_terms_or_bodies_follow_changes(
    change: str, site: SiteMaker, tmp_path: Path
) -> None:
    """A template may show what its page's context does not hold: the site's terms, which
    every page can read, or a listed post's body. Pages doing so are rebuilt when those change."""
    _make(site)
    for rel, text in _SHOWING_MORE.items():
        site.file(rel, text)
    _age(site.root)
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    CHANGES[change](site)
    incremental = blogbuild("build", "--source", str(site.root))
    assert incremental.returncode == 0, incremental.stderr
    _assert_equals_a_cold_build(site, tmp_path)


def test_an_edit_below_the_excerpt_renders_no_list_page_again(
    site: SiteMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default theme's lists show titles, dates, excerpts and reading times: an edit
    further down a post leaves them as they were, and they are not rendered again."""
    from blogbuild.pipeline.pages import workers as pagework

    options = _built(site)
    rendered: list[str] = []
    original = pagework.render_page

    def recording(env: Any, page: Page, *args: Any) -> Any:
        rendered.append(page.url)
        return original(env, page, *args)

    monkeypatch.setattr(pagework, "render_page", recording)
    _edit_text(site)
    build(options)
    assert "/posts/post-3/" in rendered
    assert [url for url in rendered if not url.startswith("/posts/")] == []


def test_nothing_changed_is_recognised_and_a_touched_output_is_rebuilt(site: SiteMaker) -> None:
    _make(site)
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    again = blogbuild("build", "--source", str(site.root))
    assert "(nothing changed)" in again.stdout
    page = site.root / "dist" / "posts" / "post-2" / "index.html"
    page.write_text("vandalised", encoding="utf-8")
    repaired = blogbuild("build", "--source", str(site.root))
    assert "(nothing changed)" not in repaired.stdout
    assert "Пост 2" in page.read_text(encoding="utf-8")


def test_a_corrupt_cache_is_rebuilt_not_trusted(site: SiteMaker, tmp_path: Path) -> None:
    _make(site)
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    expected = _tree(site.root / "dist")
    cache = site.root / ".blogbuild-cache"
    for path in cache.rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x80garbage")
    _edit_text(site)
    _edit_text(site)  # same content again: only the corrupt cache differs from before
    shutil.rmtree(site.root / "dist")
    rebuilt = blogbuild("build", "--source", str(site.root))
    assert rebuilt.returncode == 0, rebuilt.stderr
    _assert_equals_a_cold_build(site, tmp_path)
    # The search index names its files by their content, and the post's text changed.
    pages = lambda tree: {rel for rel in tree if not rel.startswith("pagefind/")}  # noqa: E731
    assert pages(expected) == pages(_tree(site.root / "dist"))


def test_a_summary_that_no_longer_decodes_is_processed_again(site: SiteMaker) -> None:
    import pickle

    from blogbuild.pipeline.cache.store import read_pickle
    from blogbuild.sealed import write_sealed

    options = _built(site)
    expected = _tree(site.root / "dist")
    cache = site.root / ".blogbuild-cache"
    index = read_pickle(cache / "index.pickle", "index")
    key = next(iter(index["summaries"]))
    index["summaries"][key] = b"\x80garbage"
    write_sealed(cache / "index.pickle", "index", pickle.dumps(index), cache)
    shutil.rmtree(site.root / "dist")
    build(options)
    assert _tree(site.root / "dist") == expected
    assert read_pickle(cache / "index.pickle", "index")["summaries"][key] != b"\x80garbage"


def test_single_and_parallel_builds_are_identical(site: SiteMaker, tmp_path: Path) -> None:
    _make(site)
    for n in range(7, 40):  # enough posts for the worker pool to start
        site.post(
            f"2025-04-{n - 6:02d}-extra-{n}.md", f"---\ntitle: Ещё {n}\n---\nТекст {n}.\n", raw=True
        )
    one = blogbuild(
        "build",
        "--source",
        str(site.root),
        "--out",
        str(tmp_path / "one"),
        "--jobs",
        "1",
        "--no-cache",
    )
    two = blogbuild(
        "build",
        "--source",
        str(site.root),
        "--out",
        str(tmp_path / "two"),
        "--jobs",
        "2",
        "--no-cache",
    )
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def _built(site: SiteMaker) -> BuildOptions:
    """The test site, built once in this process; the options to build it again."""
    _make(site)
    options = BuildOptions(source=site.root, workers=1)
    build(options)
    return options


def test_settled_post_files_are_not_read_again(
    site: SiteMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = _built(site)
    read: list[str] = []
    original = Path.read_bytes

    def counting(path: Path) -> bytes:
        if "content" in path.parts:
            read.append(path.name)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    build(options)
    assert read == []
    _edit_text(site)
    build(options)
    assert "2025-03-03-post-3.md" in read


def test_a_post_rewritten_within_its_mtime_resolution_is_rebuilt(site: SiteMaker) -> None:
    """Same size, same mtime, new bytes: a file that recent is read again, never trusted."""
    _make(site)
    path = _posts(site) / "2025-03-03-post-3.md"
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # written just now
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace("Текст раздела 3.", "Текст раздела Z.")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert blogbuild("build", "--source", str(site.root)).returncode == 0
    page = site.root / "dist" / "posts" / "post-3" / "index.html"
    assert "Текст раздела Z." in page.read_text(encoding="utf-8")


def test_a_post_changed_during_a_build_is_rebuilt_next_time(site: SiteMaker) -> None:
    """The nothing-changed record holds the inputs as they were before the build read them."""
    from blogbuild.pipeline.cache.unchanged import record_build, scan_inputs, unchanged_record

    _make(site)
    options = BuildOptions(source=site.root, workers=1)
    scan = scan_inputs(options)
    _edit_text(site)  # as if saved while the build was running
    _age(site.root)
    record_build(options, scan, build(options), [], "", "")
    assert unchanged_record(options, scan_inputs(options)) is None
    record_build(options, scan_inputs(options), build(options), [], "", "")
    assert unchanged_record(options, scan_inputs(options)) is not None


def test_an_edited_post_reuses_its_unchanged_code_blocks(
    site: SiteMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blogbuild.markup import highlight

    options = _built(site)
    page = site.root / "dist" / "posts" / "post-3" / "index.html"
    code = page.read_text(encoding="utf-8").split('<div class="highlight"')[1].split("</div>")[0]
    highlighted: list[str] = []
    original = highlight.highlight_code

    def counting(source: str, language: str, *args: Any) -> str:
        highlighted.append(source)
        return original(source, language, *args)

    monkeypatch.setattr(highlight, "highlight_code", counting)
    _edit_text(site)
    build(options)
    assert highlighted == []
    assert code in page.read_text(encoding="utf-8")
    path = _posts(site) / "2025-03-03-post-3.md"
    path.write_text(path.read_text(encoding="utf-8").replace("print(3)", "print(33)"), "utf-8")
    build(options)
    assert highlighted == ["print(33)\n"]


def test_link_findings_follow_their_targets_across_rebuilds(site: SiteMaker) -> None:
    """Link findings are kept between builds only while the site's paths and ids stay."""
    _make(site)
    site.post(
        "2025-03-08-links.md",
        "---\ntitle: Ссылки\n---\n[раздел](/posts/post-2/#раздел) и [пост](/posts/post-4/)\n",
        raw=True,
    )
    options = BuildOptions(source=site.root, workers=1)

    def broken() -> list[str]:
        found = build(options).output.findings
        return sorted(f.rule for f in found if f.rule.startswith("broken-"))

    assert broken() == []
    assert broken() == []  # from the memo
    (_posts(site) / "2025-03-04-post-4.md").unlink()
    assert broken() == ["broken-link"]
    path = _posts(site) / "2025-03-02-post-2.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Раздел", "## Глава"), "utf-8")
    assert broken() == ["broken-fragment", "broken-link"]
