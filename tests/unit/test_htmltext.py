"""The linear tag scanners give what the regular expressions they replace give, and stay
linear where those are quadratic."""

from __future__ import annotations

import random
import re
import time

import pytest

from blogbuild.markup.htmltext import strip_hidden, strip_tags
from blogbuild.markup.limits import split_long_text
from blogbuild.markup.sanitize import _CLEANER, sanitize_html

TAGS = re.compile(r"<[^>]*>")
HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
PIECES = (
    "<", ">", "<!--", "-->", "--", "<script>", "</script>", "</SCRIPT >", "<style a=1>",
    "</style>", "<scripts>", "</script", "<b>", "</b>", "a", " ", "\n", "-", "!", "<!",
)  # fmt: skip


def _random_html(rng: random.Random) -> str:
    return "".join(rng.choices(PIECES, k=rng.randint(0, 40)))


@pytest.mark.parametrize("seed", range(20))
def test_same_as_the_regular_expressions(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        html = _random_html(rng)
        assert strip_tags(html, " ") == TAGS.sub(" ", html), html
        assert strip_hidden(html) == HIDDEN.sub(" ", html), html


@pytest.mark.parametrize("unit", ["<!--", "<script>", "<style>", "<a"])
def test_many_unclosed_openings_cost_their_length(unit: str) -> None:
    """100,000 unclosed openings: the regular expressions take minutes."""
    html = unit * 100_000
    started = time.process_time()
    assert strip_hidden(html) == html
    assert strip_tags("x" + html) in ("x", "x" + html)
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize("seed", range(10))
def test_split_text_sanitises_to_the_same_page(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ("&amp;", "&nbsp;", "\xa0", "&lt;", "a", " ", "<b>", "</b>", "<a href='?a&amp;b'>")
    weights = (300, 300, 300, 300, 300, 300, 1, 1, 1)  # long runs of text, a few tags
    html = "<p>" + "".join(rng.choices(pieces, weights, k=20_000)) + "</p>"
    assert split_long_text(html).count("<!---->") >= 2
    assert sanitize_html(html) == _CLEANER.clean(html)  # the cleaner given the unsplit page


def test_a_million_ampersands_sanitise_in_linear_time() -> None:
    html = "<p>" + "a&amp;" * 1_000_000 + "</p>"
    started = time.process_time()
    assert sanitize_html(html) == html
    assert time.process_time() - started < 5.0  # unsplit: over 30 s, in native code
