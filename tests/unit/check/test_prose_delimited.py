"""`delimited` finds what the alternation of `opener.+?closer` patterns finds, linearly."""

from __future__ import annotations

import random
import re
import time

import pytest

from blogbuild.check.prose import LIQUID, delimited

PAIRS = (("{%", "%}", 0), ("{{", "}}", 0), ("[", "]", 1))


def _regex(pairs: tuple[tuple[str, str, int], ...]) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"{re.escape(o)}.{{{n},}}?{re.escape(c)}" for o, c, n in pairs), re.S
    )


@pytest.mark.parametrize("seed", range(10))
def test_same_spans_as_the_alternation(seed: int) -> None:
    rng = random.Random(seed)
    pattern = _regex(PAIRS)
    for _ in range(300):
        text = "".join(rng.choices(["{", "}", "%", "[", "]", "a", " "], k=rng.randint(0, 40)))
        assert delimited(text, PAIRS) == [m.span() for m in pattern.finditer(text)], text


def test_a_far_opener_is_not_searched_for_after_every_span() -> None:
    """bench/fuzz.py seed 1, input 42458: 600 KB of `{%…%}` spans before one `{{`."""
    text = "{% a %}" * 90_000 + "{{ x }}"
    started = time.process_time()
    assert len(delimited(text, LIQUID)) == 90_001
    assert time.process_time() - started < 2.0  # was 20 s
