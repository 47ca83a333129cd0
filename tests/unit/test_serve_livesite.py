"""Rebuilding the previewed site: last good build kept on failure, changes listed for browsers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from blogbuild.options import BuildOptions
from blogbuild.serve import livesite
from blogbuild.serve.livesite import LiveSite
from tests.conftest import SiteMaker

POST = "---\ntitle: Первый пост\ndate: 2025-01-01\n---\nИсходный текст.\n"
BROKEN = "---\ntitle: Первый пост\ndate: вчера\n---\nИсходный текст.\n"


@pytest.fixture
def live(site: SiteMaker) -> LiveSite:
    site.post("first.md", POST, raw=True)
    return LiveSite(BuildOptions(site.root))


def test_the_first_build_lists_every_output_as_changed(live: LiveSite) -> None:
    before = live.current.build
    done = live.rebuild()
    assert done.ok and live.current.output is not None
    assert "posts/first/index.html" in done.changed and "assets/css/style.css" in done.changed
    assert live.current.build == before + 1


def test_a_rebuild_without_changes_tells_browsers_nothing(live: LiveSite) -> None:
    live.rebuild()
    build = live.current.build
    done = live.rebuild()
    assert done.ok and done.changed == () and done.browser_message() is None
    assert live.current.build == build


def test_an_edit_lists_the_pages_it_changed(live: LiveSite, site: SiteMaker) -> None:
    live.rebuild()
    build = live.current.build
    path = site.post("first.md", POST.replace("Исходный", "Новый"), raw=True)
    done = live.rebuild([path])
    assert "posts/first/index.html" in done.changed
    assert "assets/css/style.css" not in done.changed
    message = done.browser_message()
    assert message is not None
    assert message["build"] == build + 1 and message["problems"] == []
    assert "posts/first/index.html" in message["changed"] and not message["everything"]
    assert "Новый текст" in (live.current.read("posts/first/index.html") or b"").decode()


def test_a_failed_build_keeps_the_last_good_site_until_fixed(
    live: LiveSite, site: SiteMaker
) -> None:
    live.rebuild()
    good = live.current
    site.post("first.md", BROKEN, raw=True)
    failed = live.rebuild()
    assert not failed.ok
    assert live.current.output is good.output and live.current.build == good.build
    assert [(p.path, p.line) for p in failed.problems] == [("content/posts/first.md", 3)]
    message = failed.browser_message()
    assert message is not None and message["build"] == good.build
    assert message["problems"][0]["text"].startswith("content/posts/first.md:3: date: ")

    site.post("first.md", POST.replace("Исходный", "Исправленный"), raw=True)
    fixed = live.rebuild()
    assert fixed.ok and fixed.recovered and fixed.problems == ()
    message = fixed.browser_message()
    assert message is not None and message["problems"] == []
    assert message["build"] == good.build + 1


def test_recovering_to_identical_output_still_clears_the_error(
    live: LiveSite, site: SiteMaker
) -> None:
    live.rebuild()
    site.post("first.md", BROKEN, raw=True)
    live.rebuild()
    site.post("first.md", POST, raw=True)
    fixed = live.rebuild()
    message = fixed.browser_message()
    assert fixed.changed == () and message is not None and message["problems"] == []


def test_a_site_broken_from_the_start_serves_nothing_but_its_problems(site: SiteMaker) -> None:
    site.post("first.md", BROKEN, raw=True)
    live = LiveSite(BuildOptions(site.root))
    failed = live.rebuild()
    assert not failed.ok and live.current.output is None
    assert live.current.read("index.html") is None and not live.current.has("index.html")
    site.post("first.md", POST, raw=True)
    assert live.rebuild().ok and live.current.has("index.html")


def test_an_unexpected_error_becomes_a_problem_with_its_traceback(
    live: LiveSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(livesite, "assemble_site", explode)
    failed = live.rebuild()
    assert not failed.ok
    assert str(failed.problems[0]) == "blogbuild: unexpected error: RuntimeError: boom"
    assert failed.traceback is not None and "RuntimeError: boom" in failed.traceback


def test_many_changes_are_sent_as_everything(live: LiveSite, site: SiteMaker) -> None:
    live.rebuild()
    for n in range(livesite.MAX_LISTED_CHANGES // 2 + 1):  # a page and its .md copy each
        site.post(
            f"extra-{n}.md", f"---\ntitle: Пост {n}\ndate: 2025-02-01\n---\nТекст.\n", raw=True
        )
    message = live.rebuild().browser_message()
    assert message is not None and message["everything"] and message["changed"] == []


def test_asset_symlinks_may_not_point_out_of_assets(
    live: LiveSite, site: SiteMaker, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    site.file("assets/inside.txt", "inside")
    os.symlink(secret, site.root / "assets" / "leak.txt")
    os.symlink(site.root / "assets" / "inside.txt", site.root / "assets" / "alias.txt")
    live.rebuild()
    snapshot = live.current
    assert not snapshot.has("assets/leak.txt")  # the build leaves it out (with a warning)
    assert snapshot.read("assets/leak.txt") is None
    warnings = [str(w) for w in snapshot.output.warnings]
    assert any("assets/leak.txt: warning: a link to a file outside the site" in w for w in warnings)
    assert snapshot.read("assets/alias.txt") == b"inside"
    assert snapshot.read("assets/css/style.css")


def test_an_asset_edit_is_a_change(live: LiveSite, site: SiteMaker) -> None:
    css = site.file("assets/css/extra.css", "p { color: red; }")
    live.rebuild()
    css.write_text("p { color: blue; margin: 0; }", encoding="utf-8")
    assert live.rebuild([css]).changed == ("assets/css/extra.css",)


def test_static_files_are_served_and_their_edits_listed(live: LiveSite, site: SiteMaker) -> None:
    security = site.file("static/.well-known/security.txt", "Contact: mailto:a@example.org\n")
    live.rebuild()
    assert live.current.read(".well-known/security.txt") == security.read_bytes()
    path = site.file("static/.well-known/security.txt", "Contact: mailto:b@example.org\n")
    done = live.rebuild([path])
    assert ".well-known/security.txt" in done.changed
    assert live.current.read(".well-known/security.txt") == b"Contact: mailto:b@example.org\n"
