"""The shared real blogs built whole: no post page shows Liquid or shortcode syntax as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from blogbuild.options import BuildOptions
from blogbuild.pipeline.output.staging import MemorySink
from blogbuild.pipeline.recipe import plan_build, produce
from tests.conftest import CORPORA, shared_reason

BLOGS = sorted(p for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []
# What a reader must never see outside code: a Liquid tag, a site/page value, a shortcode.
SOURCE_SYNTAX = re.compile(r"\{%|\{\{\s*(?:site|page)\.|\{\{[<%]")
_HIDDEN = {"code", "pre", "math", "script", "style", "kbd", "samp", "textarea"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}  # fmt: skip

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not BLOGS, reason=shared_reason("corpora")),
]


class _VisibleText(HTMLParser):
    """A page's text outside code, pre, math and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if not _HIDDEN.intersection(self.open):
            self.parts.append(data)


def _offenders(pages: dict[str, bytes]) -> list[str]:
    found = []
    for rel, data in sorted(pages.items()):
        if not (rel.startswith("posts/") and rel.endswith("/index.html")):
            continue
        parser = _VisibleText()
        parser.feed(data.decode("utf-8"))
        text = "".join(parser.parts)
        for match in SOURCE_SYNTAX.finditer(text):
            found.append(f"{rel}: …{text[max(match.start() - 40, 0) : match.end() + 40]!r}")
    return found


@pytest.mark.parametrize("blog", BLOGS, ids=[p.name for p in BLOGS])
def test_no_post_page_shows_liquid_or_shortcodes(blog: Path, tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "posts").symlink_to(blog, target_is_directory=True)
    plan = plan_build(BuildOptions(source=tmp_path, use_cache=False))
    sink = MemorySink()
    produce(plan, sink, {}, 0)
    post_pages = [rel for rel in sink.pages if rel.startswith("posts/") and rel.endswith(".html")]
    published = len(plan.summaries) - plan.drafts_skipped - plan.future_skipped
    assert len(post_pages) == published > 0  # every post got its page, and was scanned
    assert _offenders(sink.pages) == []
