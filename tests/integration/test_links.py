"""Links that leave the site are not followed; dangling or looping links and FIFOs are warnings."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild


def test_links_out_of_the_site_and_odd_files_are_skipped_with_a_warning(
    site: SiteMaker, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shadow").write_text("root:secret-hash:19000::::::\n", encoding="utf-8")
    (outside / "post.md").write_text("---\ntitle: Чужой\n---\nsecret-post-text\n", "utf-8")
    site.post("2025-01-01-real.md", "---\ntitle: Настоящий\n---\nТекст.\n", raw=True)
    (site.root / "drafts").mkdir()
    (site.root / "drafts" / "kept.md").write_text("---\ntitle: Свой\n---\nown-text\n", "utf-8")
    posts = site.root / "content" / "posts"
    os.symlink(outside / "post.md", posts / "2025-01-02-foreign.md")
    os.symlink(site.root / "drafts" / "kept.md", posts / "2025-01-03-own.md")
    os.symlink(posts / "missing.md", posts / "2025-01-04-dangling.md")
    os.symlink("2025-01-05-loop.md", posts / "2025-01-05-loop.md")
    os.mkfifo(posts / "2025-01-06-fifo.md")
    assets = site.root / "assets"
    assets.mkdir()
    os.symlink(outside / "shadow", assets / "shadow.txt")
    os.symlink(assets / "gone.css", assets / "dangling.css")
    os.symlink(outside, assets / "folder")
    os.symlink(site.root / "drafts", assets / "drafts")
    (assets / "ok.css").write_text("body{}", encoding="utf-8")
    done = blogbuild("build", "--source", str(site.root), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    err = done.stderr
    foreign = outside / "post.md"
    assert f"2025-01-02-foreign.md: warning: a link to a file outside the site ({foreign})" in err
    assert "content/posts/2025-01-04-dangling.md: warning: a link to nothing" in err
    assert "content/posts/2025-01-05-loop.md: warning: a link that loops" in err
    assert "content/posts/2025-01-06-fifo.md: warning: not a regular file (a FIFO)" in err
    assert "assets/shadow.txt: warning: a link to a file outside the site" in err
    assert "assets/dangling.css: warning: a link to nothing" in err
    assert "assets/folder: warning: a link to a folder outside the site" in err
    assert "assets/drafts: warning: a link to a folder: not followed" in err
    dist = site.root / "dist"
    texts = b"".join(p.read_bytes() for p in dist.rglob("*") if p.is_file())
    assert b"secret-hash" not in texts and b"secret-post-text" not in texts
    assert b"own-text" in texts  # a link inside the site is followed
    assert (dist / "assets" / "ok.css").is_file() and not (dist / "assets" / "shadow.txt").exists()


def test_template_include_and_shortcode_links_out_of_the_site_are_refused(
    site: SiteMaker, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "env.txt").write_text("MARKER-SECRET-FILE\n", encoding="utf-8")
    (outside / "folder" / "note.html").write_text("MARKER-SECRET-FOLDER\n", encoding="utf-8")
    body = (
        "---\ntitle: Пост\n---\nТекст.\n\n{% include env.txt %}\n\n{% include sub/note.html %}\n\n"
        "{{< leak >}}\n\n{% include own.html %}\n"
    )
    site.post("2025-01-01-post.md", body, raw=True)
    includes = site.root / "_includes"
    includes.mkdir()
    os.symlink("/proc/self/environ", includes / "env.txt")
    os.symlink(outside / "folder", includes / "sub")
    (site.root / "kept.html").write_text("own-include-text", encoding="utf-8")
    os.symlink(site.root / "kept.html", includes / "own.html")
    shortcodes = site.root / "templates" / "shortcodes"
    shortcodes.mkdir(parents=True)
    os.symlink(outside / "env.txt", shortcodes / "leak.html")
    env = {**os.environ, "LEAK_MARKER": "MARKER-SECRET-ENV"}
    done = blogbuild("build", "--source", str(site.root), timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    err = done.stderr
    assert "Traceback" not in err
    assert "include: _includes/env.txt: a link to a file outside the site (/proc/" in err
    assert f"include: _includes/sub/note.html: a link to a file outside the site ({outside}" in err
    assert (
        "shortcode 'leak': templates/shortcodes/leak.html: a link to a file outside the site" in err
    )
    texts = b"".join(p.read_bytes() for p in (site.root / "dist").rglob("*") if p.is_file())
    assert b"MARKER-SECRET" not in texts
    assert b"own-include-text" in texts  # a link inside the site is followed


def test_a_page_template_linked_out_of_the_site_is_refused(site: SiteMaker, tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("MARKER-SECRET-TEMPLATE", encoding="utf-8")
    site.post("2025-01-01-post.md", "---\ntitle: Пост\n---\nТекст.\n", raw=True)
    (site.root / "templates").mkdir()
    os.symlink(secret, site.root / "templates" / "post.html")
    done = blogbuild("build", "--source", str(site.root), timeout=60)
    assert "Traceback" not in done.stderr
    assert f"templates/post.html: a link to a file outside the site ({secret})" in done.stderr
    dist = site.root / "dist"
    texts = b"".join(p.read_bytes() for p in dist.rglob("*") if p.is_file())
    assert b"MARKER-SECRET" not in texts


def test_a_config_linked_out_of_the_site_is_not_read(site: SiteMaker, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("title: MARKER-SECRET-CONFIG\n", encoding="utf-8")
    site.post("2025-01-01-post.md", "---\ntitle: Пост\n---\nТекст.\n", raw=True)
    config = site.root / "blogbuild.yaml"
    config.unlink(missing_ok=True)
    os.symlink(secret, config)
    done = blogbuild("build", "--source", str(site.root), timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    expected = f"blogbuild.yaml: a link to a file outside the site ({secret}): not followed"
    assert expected in done.stderr
    assert not (site.root / "dist").exists()
