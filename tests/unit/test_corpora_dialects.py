"""The shared real blogs: no kramdown or math syntax shows as text, and players survive."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from blogbuild.markup.markdown import MarkdownRenderer, build_markdown_it
from tests.conftest import shared_reason

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
BLOGS = sorted(p for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []
_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)", re.S
)
# What a reader must never see outside code: kramdown attribute lists and TeX delimiters
# (a run of three or more dollars is money, "ошибка на миллиард $$$", not TeX).
_LEAK = re.compile(r"\{:\s*(?:[.#]|[\w-]+=|toc\b)|\{::|(?<!\$)\$\$(?!\$)")
_PLAYER = re.compile(r"<(audio|video)\b", re.I)
_HIDDEN = ("code", "pre", "math", "script", "style", "kbd", "samp")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not BLOGS, reason=shared_reason("corpora")),
]


def _posts(blog: Path) -> list[Path]:
    return sorted(p for p in blog.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file())


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff")
    return _FRONT_MATTER.sub("", text, count=1).replace("\r\n", "\n")


def _raw_players(body: str) -> Counter[str]:
    """Audio and video elements the author wrote as raw HTML (code aside)."""
    found: Counter[str] = Counter()
    for token in _PARSER.parse(body):
        chunks = [token.content] if token.type == "html_block" else []
        chunks += [c.content for c in token.children or () if c.type == "html_inline"]
        for chunk in chunks:
            found.update(m.lower() for m in _PLAYER.findall(chunk))
    return found


def _visible_text_and_players(html: str) -> tuple[str, Counter[str]]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    players = Counter(el.tag for el in root.iter("audio", "video"))
    for hidden in list(root.iter(*_HIDDEN)):
        if hidden.getparent() is not None:
            hidden.drop_tree()
    return root.text_content(), players


_PARSER = build_markdown_it()


@pytest.mark.parametrize("blog", BLOGS, ids=lambda p: p.name)
def test_no_kramdown_or_math_syntax_is_shown_and_players_survive(blog: Path) -> None:
    renderer = MarkdownRenderer()
    leaking: list[str] = []
    written: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for path in _posts(blog):
        body = _body(path)
        html = renderer.render(body).html
        if not html.strip():
            continue
        text, players = _visible_text_and_players(html)
        if match := _LEAK.search(text):
            leaking.append(f"{path.name}: …{text[max(match.start() - 30, 0) : match.end() + 30]}…")
        written += _raw_players(body)
        shown += players
    assert leaking == [], "\n".join(leaking)
    assert shown == written
    _MEASURED[blog.name] = (sum(written.values()), sum(shown.values()))


_MEASURED: dict[str, tuple[int, int]] = {}


def test_the_corpora_have_players_to_count() -> None:
    """The count above means something: the podcast blog alone has hundreds of players."""
    total = sum(sum(_raw_players(_body(path)).values()) for blog in BLOGS for path in _posts(blog))
    assert total > 100
