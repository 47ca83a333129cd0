"""Related posts: shared categories and tags first, then textual similarity; deterministic."""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass

MAX_RELATED = 3
KEY_TERMS = 15  # a post's most frequent words that stand for what it is about
# A word in more than this share of posts says nothing about what a post is about.
_COMMON_SHARE = 0.05
_CATEGORY_WEIGHT = 2.0
_TAG_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class Document:
    """What relatedness is computed from: a post's categories, tags and key terms.

    Key terms are a post's most frequent words as a set, without counts: a small edit rarely
    changes them, so the related posts of the whole site can be kept from the last build.
    """

    key: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    terms: tuple[str, ...]


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


def related_keys_memoized(
    documents: Sequence[Document], memo: MutableMapping[str, object]
) -> dict[str, tuple[str, ...]]:
    """`related_keys`, reused from `memo` while no document's categories, tags or terms change."""
    digest = hashlib.blake2b(repr(list(documents)).encode(), digest_size=16).hexdigest()
    found = memo.get("related")
    if isinstance(found, tuple) and found[0] == digest:
        return dict(found[1])
    result = related_keys(documents)
    memo["related"] = (digest, result)
    return result


def _keywords(documents: Sequence[Document]) -> list[dict[str, float]]:
    """Each document's key terms weighted by rarity (IDF), as a unit-length sparse vector."""
    frequency: Counter[str] = Counter()
    for doc in documents:
        frequency.update(set(doc.terms))
    total = len(documents)
    limit = max(2, int(total * _COMMON_SHARE))
    vectors = []
    for doc in documents:
        weights = {
            term: math.log(1 + total / frequency[term])
            for term in set(doc.terms)
            if 1 < frequency[term] <= limit
        }
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        vectors.append({term: weight / norm for term, weight in sorted(weights.items())})
    return vectors
