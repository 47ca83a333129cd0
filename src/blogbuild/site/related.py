"""Related posts: shared categories and tags first, then textual similarity; deterministic."""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterator, MutableMapping, Sequence
from dataclasses import dataclass

from blogbuild.parallel import MIN_ITEMS_FOR_POOL, run_all

MAX_RELATED = 3
KEY_TERMS = 15  # a post's most frequent words that stand for what it is about
# A word in more than this share of posts says nothing about what a post is about.
_COMMON_SHARE = 0.05
_CATEGORY_WEIGHT = 2.0
_TAG_WEIGHT = 3.0
_EPSILON = 1e-6  # far above float rounding, far below any difference of whole scores
_MOST_MASKS = 16  # tags (or categories) of a post counted as bit masks; more: posting lists
_MOST_SCORED = 128  # posts whose cosine is computed one by one; more: posting lists
# Ranking takes about 0.14 ms a post; below this many posts a pool costs more than it saves.
MIN_DOCUMENTS_TO_SPREAD = 2000


_RANKING: _Ranking | None = None  # what forked workers rank from, during related_keys


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
    documents: Sequence[Document], limit: int = MAX_RELATED, workers: int = 1
) -> dict[str, tuple[str, ...]]:
    """For each document, the keys of up to `limit` most related others, best first.

    Score: shared categories and tags, plus the cosine of TF-IDF keyword vectors; ties go
    to the smaller key. See `_Ranking` for how it avoids scoring every pair. A large site's
    documents are ranked over `workers` forked processes.
    """
    global _RANKING
    _RANKING = _Ranking(documents, limit)
    try:
        spread = workers if len(documents) >= MIN_DOCUMENTS_TO_SPREAD else 1
        # In slices, not one by one: ranking one post is too quick to send each alone.
        count = max(MIN_ITEMS_FOR_POOL, spread * 8) if spread > 1 else 1
        size = max(1, -(-len(documents) // count))
        slices = [
            range(start, min(start + size, len(documents)))
            for start in range(0, len(documents), size)
        ]
        best = [found for part in run_all(_best_in, slices, spread) for found in part]
    finally:
        _RANKING = None
    return {
        doc.key: tuple(documents[other].key for other in found)
        for doc, found in zip(documents, best, strict=True)
    }


def _best_in(indexes: range) -> list[list[int]]:
    assert _RANKING is not None
    return [_RANKING.best(index) for index in indexes]


class _Ranking:
    """The indexes `best` ranks from, and the two ways it scores.

    The whole part of a score (3 per shared tag, 2 per shared category) is counted for all
    posts at once, with sets of posts as bit masks; a keyword cosine adds less than one, so
    only posts whose whole part is at most one below the `limit`-th best can win, and the
    cosine is computed for those alone. When they are many (posts with few tags), scores
    are summed from the posting lists instead, `_scored_by_index`.
    """

    def __init__(self, documents: Sequence[Document], limit: int) -> None:
        self.documents, self.limit = documents, limit
        self.keywords = _keywords(documents)
        order = sorted(range(len(documents)), key=lambda i: documents[i].key)
        self.rank = {index: position for position, index in enumerate(order)}
        self.by_category: dict[str, list[int]] = defaultdict(list)
        self.by_tag: dict[str, list[int]] = defaultdict(list)
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for index, doc in enumerate(documents):
            for name in doc.categories:
                self.by_category[name].append(index)
            for name in doc.tags:
                self.by_tag[name].append(index)
            for word in self.keywords[index]:
                self.by_word[word].append(index)
        size = len(documents)
        self.tag_bits = {name: _bits(found, size) for name, found in self.by_tag.items()}
        self.category_bits = {name: _bits(found, size) for name, found in self.by_category.items()}
        self.everyone = (1 << size) - 1
        for members in self.by_category.values():
            members.sort(key=self.rank.__getitem__)
        self.category_sets = [set(doc.categories) for doc in documents]

    def best(self, index: int) -> list[int]:
        scores = self._scored_by_bits(index)
        if scores is None:
            scores = self._scored_by_index(index)
        return _best(scores, self.rank, self.limit)

    def _scored_by_bits(self, index: int) -> dict[int, float] | None:
        """Exact scores of every post that can be among the best, or None when those are too
        many to score one by one."""
        doc = self.documents[index]
        if len(doc.tags) > _MOST_MASKS or len(doc.categories) > _MOST_MASKS:
            return None
        others = self.everyone & ~(1 << index)
        by_tags = _by_count([self.tag_bits[name] for name in doc.tags], others)
        by_categories = _by_count([self.category_bits[name] for name in doc.categories], others)
        levels = sorted(
            (
                (_TAG_WEIGHT * tags + _CATEGORY_WEIGHT * categories, tags, categories)
                for tags in range(len(by_tags))
                for categories in range(len(by_categories))
                if tags or categories
            ),
            reverse=True,
        )
        # The `limit`-th best whole part: posts more than 1 below it cannot reach it.
        counted, lowest = 0, None
        for points, tags, categories in levels:
            counted += (by_tags[tags] & by_categories[categories]).bit_count()
            if counted >= self.limit:
                lowest = points
                break
        if lowest is None:
            return None  # fewer posts share anything than are wanted: keywords decide
        reach = [level for level in levels if level[0] >= lowest - 1.0 - _EPSILON]
        masks = [
            (tags, categories, by_tags[tags] & by_categories[categories])
            for _, tags, categories in reach
        ]
        if sum(mask.bit_count() for _, _, mask in masks) > _MOST_SCORED:
            return None
        keywords = self.keywords[index].items()
        scores = {}
        for tags, categories, mask in masks:
            for other in _members(mask):
                # summed in the order `_scored_by_index` uses, so the floats are the same
                score = _TAG_WEIGHT * tags
                theirs = self.keywords[other]
                for word, weight in keywords:
                    if word in theirs:
                        score += weight * theirs[word]
                scores[other] = score + _CATEGORY_WEIGHT * categories
        return scores

    def _scored_by_index(self, index: int) -> dict[int, float]:
        """Scores of every post sharing a tag, key term or category with post `index`.

        Posts sharing only a category are many and all score alike, so they are not scored
        one by one: the best of them are the first few by key.
        """
        doc = self.documents[index]
        scores: defaultdict[int, float] = defaultdict(float)
        for name in doc.tags:
            for other in self.by_tag[name]:
                scores[other] += _TAG_WEIGHT
        keywords = self.keywords
        for word, weight in keywords[index].items():
            for other in self.by_word[word]:
                # cosine similarity of keyword vectors, always below one shared tag
                scores[other] += weight * keywords[other][word]
        scores.pop(index, None)
        category_sets = self.category_sets
        mine = category_sets[index]
        for other in scores:
            scores[other] += _CATEGORY_WEIGHT * len(mine & category_sets[other])
        _add_category_mates(scores, index, doc, self.by_category, category_sets, self.limit)
        return scores


def _bits(members: Sequence[int], size: int) -> int:
    """A set of post indexes as a bit mask."""
    found = bytearray((size + 7) // 8)
    for index in members:
        found[index >> 3] |= 1 << (index & 7)
    return int.from_bytes(found, "little")


def _by_count(masks: Sequence[int], others: int) -> list[int]:
    """Masks of the posts in exactly 0, 1, ... len(masks) of `masks` (within `others`)."""
    at_least = [others]
    for mask in masks:
        at_least.append(0)
        for count in range(len(at_least) - 1, 0, -1):
            at_least[count] |= at_least[count - 1] & mask
    at_least.append(0)
    return [at_least[n] & ~at_least[n + 1] for n in range(len(masks) + 1)]


def _members(mask: int) -> Iterator[int]:
    """The indexes set in a bit mask, highest first (found in its binary text: for a few bits
    in a long mask that beats isolating each bit with big-integer arithmetic)."""
    digits = bin(mask)
    last = len(digits) - 1
    found = digits.find("1", 2)
    while found >= 0:
        yield last - found
        found = digits.find("1", found + 1)


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
    documents: Sequence[Document], memo: MutableMapping[str, object], workers: int = 1
) -> dict[str, tuple[str, ...]]:
    """`related_keys`, reused from `memo` while no document's categories, tags or terms change."""
    text = "\x1c".join(
        "\x1d".join((doc.key, "\x1f".join(doc.categories), "\x1f".join(doc.tags),
                     "\x1f".join(doc.terms)))
        for doc in documents
    )  # fmt: skip
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    found = memo.get("related")
    if isinstance(found, tuple) and found[0] == digest:
        return dict(found[1])
    result = related_keys(documents, workers=workers)
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
