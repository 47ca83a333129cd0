"""Each real blog of ../shared/corpora builds: every post gets a page (drafts counted, not
lost), nothing crashes, and no post is dated today because its date could not be read."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from lxml import html as lxml_html

from tests.conftest import CORPORA, shared_reason
from tests.integration.clirun import blogbuild

pytestmark = pytest.mark.slow

BLOGS = sorted(p.name for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []
_DRAFT = re.compile(r"^(?:published\s*[:=]\s*false|draft\s*[:=]\s*true)\s*$", re.I | re.M)
_LEFT_OUT = re.compile(r"(\d+) drafts? left out")


def _posts(blog: Path) -> list[Path]:
    return [
        p
        for p in blog.rglob("*")
        if p.suffix.lower() in (".md", ".markdown") and not p.name.startswith("_")
    ]


def _is_draft(path: Path) -> bool:
    text = path.read_text(encoding="utf-8", errors="replace")
    head = text.split("\n---", 2)[0] if text.startswith("---") else text[:2000]
    return bool(_DRAFT.search(head))


@pytest.mark.skipif(not BLOGS, reason=shared_reason("corpora"))
@pytest.mark.parametrize("blog", BLOGS)
def test_every_post_of_a_real_blog_gets_a_page(blog: str, tmp_path: Path) -> None:
    source = CORPORA / blog
    site = tmp_path / "site"
    shutil.copytree(source, site / "content" / "posts", ignore=shutil.ignore_patterns("*.txt"))
    done = blogbuild("build", "--source", str(site), timeout=900)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said[-3000:]
    assert "Traceback" not in said and "unexpected error" not in said
    posts = _posts(source)
    drafts = sum(map(_is_draft, posts))
    left_out = _LEFT_OUT.search(done.stdout)
    assert (int(left_out.group(1)) if left_out else 0) == drafts
    pages = list((site / "dist" / "posts").glob("*/index.html"))
    assert len(pages) == len(posts) - drafts, said[-3000:]
    archive = lxml_html.fromstring((site / "dist" / "archive" / "index.html").read_bytes())
    today = datetime.now(ZoneInfo("Europe/Moscow")).date().isoformat()
    dated_today = [
        item.findtext("a")
        for item in archive.iter("li")
        if (item.find("time") is not None and item.find("time").get("datetime", "")[:10] == today)
    ]
    assert not dated_today
    assert "no date in front matter or file name" not in said
