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
    """For each document, the keys of up to `limit` most related others, best first."""
    keywords = _keywords(documents)
    by_term: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, doc in enumerate(documents):
        for name in doc.categories:
            by_term[("c", name)].append(index)
        for name in doc.tags:
            by_term[("t", name)].append(index)
        for word in keywords[index]:
            by_word[word].append(index)
    result = {}
    for index, doc in enumerate(documents):
        scores: defaultdict[int, float] = defaultdict(float)
        for name in doc.categories:
            for other in by_term[("c", name)]:
                scores[other] += _CATEGORY_WEIGHT
        for name in doc.tags:
            for other in by_term[("t", name)]:
                scores[other] += _TAG_WEIGHT
        for word, weight in keywords[index].items():
            for other in by_word[word]:
                # cosine similarity of keyword vectors, always below one shared tag
                scores[other] += weight * keywords[other][word]
        scores.pop(index, None)
        # rounding keeps float noise from deciding ties, which the key then breaks
        best = heapq.nsmallest(
            limit, scores.items(), key=lambda item: (-round(item[1], 9), documents[item[0]].key)
        )
        result[doc.key] = tuple(documents[other].key for other, score in best if score > 0)
    return result


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
