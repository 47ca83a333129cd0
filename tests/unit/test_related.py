"""Related posts: the fast ranking gives what scoring every pair would give."""

import itertools
import random
from collections import Counter
from typing import Any

import pytest

from blogbuild.site import related
from blogbuild.site.related import Document, _keywords, related_keys, related_keys_memoized


def _brute_force(documents: list[Document], limit: int = 3) -> dict[str, tuple[str, ...]]:
    keywords = _keywords(documents)
    result: dict[str, tuple[str, ...]] = {}
    for i, doc in enumerate(documents):
        scored = []
        for j, other in enumerate(documents):
            if i == j:
                continue
            score = 2.0 * len(set(doc.categories) & set(other.categories))
            score += 3.0 * len(set(doc.tags) & set(other.tags))
            score += sum(w * keywords[j].get(word, 0.0) for word, w in keywords[i].items())
            if score > 0:
                scored.append((-round(score, 9), other.key))
        result[doc.key] = tuple(key for _, key in sorted(scored)[:limit])
    return result


def _corpus(seed: int, count: int, most_tags: int = 3, tag_count: int = 15) -> list[Document]:
    rng = random.Random(seed)
    words = [
        f"слово{chr(0x430 + n)}{chr(0x430 + m)}" for n, m in itertools.product(range(12), range(12))
    ]
    documents = []
    for n in range(count):
        categories = tuple(rng.sample(["ml", "nlp", "cv", "rl"], rng.choice([0, 1, 1, 1, 2])))
        tags = tuple(rng.sample([f"t{k}" for k in range(tag_count)], rng.randint(0, most_tags)))
        terms = tuple(rng.sample(words, 15))
        documents.append(Document(f"/posts/p{n:03d}/", categories, tags, terms))
    return documents


@pytest.mark.parametrize(("most_tags", "tag_count"), [(3, 15), (8, 40), (6, 10)])
def test_fast_ranking_matches_scoring_every_pair(
    most_tags: int, tag_count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    ways: Counter[bool] = Counter()
    by_bits = related._Ranking._scored_by_bits

    def counted(self: related._Ranking, index: int) -> dict[int, float] | None:
        found = by_bits(self, index)
        ways[found is not None] += 1
        return found

    monkeypatch.setattr(related._Ranking, "_scored_by_bits", counted)
    for seed in range(5):
        documents = _corpus(seed, 150, most_tags, tag_count)
        assert related_keys(documents) == _brute_force(documents)
    assert ways[True] and ways[False]  # both ways of scoring were taken


def test_shared_tags_beat_a_shared_category_and_no_post_relates_to_itself() -> None:
    documents = [
        Document("/a/", ("ml",), ("gan",), ()),
        Document("/b/", ("ml",), (), ()),
        Document("/c/", ("cv",), ("gan",), ()),
        Document("/d/", ("nlp",), (), ()),
    ]
    related = related_keys(documents)
    assert related["/a/"] == ("/c/", "/b/")
    assert related["/d/"] == ()
    assert all(key not in related[key] for key in related)


def test_memo_reuses_the_result_until_a_document_changes() -> None:
    documents = _corpus(1, 30)
    memo: dict[str, object] = {}
    first = related_keys_memoized(documents, memo)
    memo["related"] = (memo["related"][0], {"sentinel": ()})  # type: ignore[index]
    assert related_keys_memoized(documents, memo) == {"sentinel": ()}
    changed = [*documents[:-1], Document(documents[-1].key, ("new",), (), ())]
    assert related_keys_memoized(changed, memo) != {"sentinel": ()}
    assert first == related_keys(documents)


def test_a_large_site_is_ranked_over_several_processes_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = _corpus(7, 120, 4, 20)
    alone = related_keys(documents)
    spread: list[int] = []
    original = related.run_all

    def recording(func: Any, items: Any, workers: int) -> Any:
        spread.append(workers)
        return original(func, items, workers)

    monkeypatch.setattr(related, "run_all", recording)
    monkeypatch.setattr(related, "MIN_DOCUMENTS_TO_SPREAD", 100)
    assert related_keys(documents, workers=2) == alone
    assert spread == [2]
    assert related_keys(documents[:50], workers=2) == related_keys(documents[:50])
    assert spread == [2, 1, 1]  # below the threshold: ranked here
