"""A seeded sample of fuzzed posts through the build's own per-post path (load, render,
check, summary): only the project's errors, each naming the post, and none over a limit.

The longer run is `python bench/fuzz.py --inputs 100000`; this sample is its first inputs.
"""

from __future__ import annotations

import pytest

from tests.fuzzing.inputs import make_input
from tests.fuzzing.runner import FuzzSite, Outcome

pytestmark = pytest.mark.slow

SEED = 1
SAMPLE = 90
# Processor seconds one post may take here: generous, the sample must run anywhere.
LIMIT = 8.0

# Kinds of crash and hang whose fixes belong to other stages, by where they start: the
# front matter readers (content/), the checker (check/) and math (markup/math).
ELSEWHERE = (
    "in blogbuild.content.",
    "in blogbuild.check.",
    "in blogbuild.markup.math.",
    # a front matter value nested ~500 deep is pickled for the cache (bounded at loading)
    "RecursionError in blogbuild.pipeline.cache.store.store_body",
)


@pytest.fixture(scope="module")
def outcomes() -> dict[int, Outcome]:
    site = FuzzSite()
    try:
        return {index: site.run(make_input(SEED, index), LIMIT) for index in range(SAMPLE)}
    finally:
        site.close()


def _bad(outcomes: dict[int, Outcome]) -> dict[int, str]:
    return {
        index: f"{outcome.kind}: {outcome.signature}"
        for index, outcome in outcomes.items()
        if outcome.kind in ("crash", "hang")
    }


def test_sample_is_varied(outcomes: dict[int, Outcome]) -> None:
    kinds = {outcome.kind for outcome in outcomes.values()}
    assert {"error", "built"} <= kinds
    hows = {make_input(SEED, index).how.split(":")[0] for index in range(SAMPLE)}
    assert hows == {"mutate", "random"}


def test_render_side_gives_only_clean_errors(outcomes: dict[int, Outcome]) -> None:
    """No crash or hang starts in rendering, summaries or the worker."""
    ours = {
        index: what
        for index, what in _bad(outcomes).items()
        if not any(place in what for place in ELSEWHERE)
    }
    assert ours == {}


def test_fuzzed_posts_give_only_clean_errors(outcomes: dict[int, Outcome]) -> None:
    assert _bad(outcomes) == {}
