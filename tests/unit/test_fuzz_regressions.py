"""The smallest posts found by fuzzing for each kind of crash or hang outside rendering.

Each goes through the build's per-post path and must end in the project's own errors or a
built post, within a limit of processor time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fuzzing.inputs import FuzzInput
from tests.fuzzing.runner import FuzzSite

pytestmark = pytest.mark.slow

LIMIT = 5.0  # seconds of processor time: over it, one post is a hang
FRONT = "---\ntitle: Пост\ndate: 2024-01-01\n---\n"


CASES = [
    pytest.param("---\ntitle: x\ndate: 2024-99-99\n---\nb", id="yaml-date"),
    pytest.param("---\ntitle: x\nn: 2024-13-01\n---\nb", id="yaml-month"),
    pytest.param("---\ntitle: x\nn: !!int x\n---\nb", id="yaml-int"),
    pytest.param("---\ntitle: x\nn: !!float x\n---\nb", id="yaml-float"),
    pytest.param("---\ntitle: x\nd: !!bool maybe\n---\nb", id="yaml-bool"),
    pytest.param("---\ntitle: x\nn: !!timestamp x\n---\nb", id="yaml-timestamp-tag"),
    pytest.param(
        "---\ntitle: x\nn: " + "[" * 500 + "]" * 500 + "\n---\nb",
        id="yaml-deep",
    ),
    pytest.param(
        "+++\ntitle = 'x'\nn = " + "[" * 1000 + "]" * 1000 + "\n+++\nb",
        id="toml-deep",
    ),
    pytest.param("+++\ntitle = 'x'\nn = " + "9" * 5000 + "\n+++\nb", id="toml-int"),
    pytest.param(FRONT + "\\[a" * 40_000, id="math-brackets"),
    pytest.param(
        FRONT
        + "".join(f"x[^{i}]\n" for i in range(5_000))
        + "\n"
        + "".join(f"[^{i}]: d\n" for i in range(5_000)),
        id="footnotes",
    ),
    pytest.param(FRONT + "![" * 20_000, id="images"),
    # tomllib's dotted keys cost the square of their parts
    pytest.param("+++\ntitle = 'x'\n" + "a." * 18_000 + "b = 1\n+++\nb", id="toml-dotted-key"),
    # seed 1, input 91532: the dotted-key check itself tried every split of a line of tabs
    pytest.param(
        "+++\ntitle = 'x'\nd = '" + "." * 200 + "'\n" + "\t" * 300_000 + "\n+++\nb",
        id="toml-tabs",
    ),
    # a paragraph of 333,000 lines: refused by its line count
    pytest.param(FRONT + "a\n=" * 333_000, id="lines"),
]


@pytest.fixture(scope="module")
def site() -> Iterator[FuzzSite]:
    made = FuzzSite()
    yield made
    made.close()


def _assert_clean(site: FuzzSite, item: FuzzInput) -> None:
    outcome = site.run(item, LIMIT)
    assert outcome.kind in ("error", "built"), f"{outcome.signature}\n{outcome.detail}"


@pytest.mark.parametrize("text", CASES)
def test_fuzzed_post(site: FuzzSite, text: str) -> None:
    _assert_clean(site, FuzzInput(0, "post.md", text.encode("utf-8"), ""))


# Long lines found by bench/fuzz.py (seed 1, inputs 2260, 2280, 2586, 2814), cut to their pattern.
LINES = [
    pytest.param("\\(" * 14_000, id="blank-all"),
    pytest.param("{{% y %}}" * 50_000, id="locate"),
    pytest.param("(" * 7_000 + "{" * 19_000, id="placeholder"),
    # 300,000 took minutes inside one regex call, which no time limit can interrupt
    pytest.param("{:" * 30_000, id="ial"),
    # Found by bench/fuzz.py (seed 1, inputs 106, 114, 195, 482) and by growing each of its
    # constructs to a megabyte: every later tag looked back over the line's earlier ones,
    # each backtick of a table row over the rest of the row, each unclosed `<!--` to the end.
    pytest.param("{{< x >}}" * 17_000, id="shortcodes"),
    pytest.param("{% if x %}" * 100_000, id="liquid-tags"),
    pytest.param("![" * 500_000, id="dense-paragraph"),
    pytest.param("|" + "`a " * 300_000 + "|", id="table-backticks"),
    pytest.param("|" * 1_000_000, id="table-columns"),
    pytest.param("a&amp;" * 160_000, id="ampersands"),
    pytest.param("<!--" * 250_000, id="comments"),
    # seed 1, inputs 42458 and 49996: a far `{{` searched for again after each `{%…%}`; a
    # link address of a megabyte of Cyrillic encoded once for each `[` before it
    pytest.param("{% a %}" * 90_000 + "{{ x }}", id="far-opener"),
    pytest.param("[" * 8 + "a](" + "ё" * 1_000_000 + ")", id="long-address"),
]


@pytest.mark.parametrize("line", LINES)
def test_fuzzed_long_line(site: FuzzSite, line: str) -> None:
    text = FRONT + "Абзац.\n\n" + line + "\n\nАбзац.\n"
    _assert_clean(site, FuzzInput(0, "post.md", text.encode("utf-8"), ""))


# Plain-text posts: their last line is read for a cut-off ending (bench/fuzz.py seed 1,
# input 1234: each `://` of a line of addresses read on to its end).
TEXT_ENDINGS = [
    pytest.param("http://" * 40_000 + " и так далее", id="addresses"),
    pytest.param("f(x) " * 60_000 + "g(", id="calls"),
    # input 67173: the label pattern split a run of underscores every way
    pytest.param("_" * 20_000 + " конец", id="underscores"),
]


@pytest.mark.parametrize("line", TEXT_ENDINGS)
def test_fuzzed_text_post_ending(site: FuzzSite, line: str) -> None:
    text = "Заголовок\n\nАбзац текста о моделях.\n\n" + line + "\n"
    _assert_clean(site, FuzzInput(0, "post.txt", text.encode("utf-8"), ""))
