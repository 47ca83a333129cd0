"""Related posts: shared categories and tags first, then textual similarity; deterministic."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

MAX_RELATED = 3
_KEYWORDS_PER_POST = 25
# A word in more than this share of posts says nothing about what a post is about.
_COMMON_SHARE = 0.05
_CATEGORY_WEIGHT = 2.0
_TAG_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class Document:
    """What relatedness is computed from: a post's terms and its most frequent words."""

    key: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    word_counts: tuple[tuple[str, int], ...]


def related_keys(
    documents: Sequence[Document], limit: int = MAX_RELATED
) -> dict[str, tuple[str, ...]]:
    """For each document, the keys of up to `limit` most related others, best first.

    Score: shared categories and tags, plus the cosine of TF-IDF keyword vectors; ties go
    to the smaller key. Posts sharing only a category are many and all score alike, so they
    are not scored one by one: the best of them are the first few by key.
    """
    keywords = _keywords(documents)
    rank = {
        index: position
        for position, index in enumerate(
            sorted(range(len(documents)), key=lambda i: documents[i].key)
        )
    }
    by_category: dict[str, list[int]] = defaultdict(list)
    by_tag: dict[str, list[int]] = defaultdict(list)
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, doc in enumerate(documents):
        for name in doc.categories:
            by_category[name].append(index)
        for name in doc.tags:
            by_tag[name].append(index)
        for word in keywords[index]:
            by_word[word].append(index)
    for members in by_category.values():
        members.sort(key=rank.__getitem__)
    category_sets = [set(doc.categories) for doc in documents]
    result = {}
    for index, doc in enumerate(documents):
        scores: defaultdict[int, float] = defaultdict(float)
        for name in doc.tags:
            for other in by_tag[name]:
                scores[other] += _TAG_WEIGHT
        for word, weight in keywords[index].items():
            for other in by_word[word]:
                # cosine similarity of keyword vectors, always below one shared tag
                scores[other] += weight * keywords[other][word]
        scores.pop(index, None)
        mine = category_sets[index]
        for other in scores:
            scores[other] += _CATEGORY_WEIGHT * len(mine & category_sets[other])
        _add_category_mates(scores, index, doc, by_category, category_sets, limit)
        result[doc.key] = tuple(documents[o].key for o in _best(scores, rank, limit))
    return result


def _best(scores: dict[int, float], rank: dict[int, int], limit: int) -> list[int]:
    """The `limit` best-scoring posts; equal scores (to 1e-9) go by rank."""
    if not scores:
        return []
    threshold = heapq.nlargest(limit, scores.values())[-1] - 1e-9
    contenders = [(-round(s, 9), rank[o], o) for o, s in scores.items() if s >= threshold]
    return [o for score, _, o in sorted(contenders)[:limit] if score < 0]


def _add_category_mates(
    scores: defaultdict[int, float],
    index: int,
    doc: Document,
    by_category: dict[str, list[int]],
    category_sets: list[set[str]],
    limit: int,
) -> None:
    """Score the posts that share only categories: just the first few by key of each.

    With several categories a later mate may share more of them, so all are scored then.
    """
    mine = category_sets[index]
    enough = limit if len(mine) == 1 else len(category_sets)
    for name in doc.categories:
        found = 0
        for other in by_category[name]:  # in key order
            if found == enough:
                break
            if other == index or other in scores:
                continue
            scores[other] = _CATEGORY_WEIGHT * len(mine & category_sets[other])
            found += 1


def _keywords(documents: Sequence[Document]) -> list[dict[str, float]]:
    """Each document's top TF-IDF words, as a unit-length sparse vector."""
    counts = [dict(doc.word_counts) for doc in documents]
    frequency: Counter[str] = Counter()
    for words in counts:
        frequency.update(words.keys())
    total = len(documents)
    limit = max(2, int(total * _COMMON_SHARE))
    vectors = []
    for words in counts:
        weights = {
            word: count * math.log(1 + total / frequency[word])
            for word, count in words.items()
            if 1 < frequency[word] <= limit
        }
        top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:_KEYWORDS_PER_POST]
        norm = math.sqrt(sum(weight * weight for _, weight in top)) or 1.0
        vectors.append({word: weight / norm for word, weight in top})
    return vectors
