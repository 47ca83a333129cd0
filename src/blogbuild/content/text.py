"""Small text helpers for Russian prose: word counts, reading time, plurals, truncation."""

from __future__ import annotations

import re
from collections.abc import Callable

# Russian non-fiction is read at roughly 150-200 words a minute; 180 is the middle.
WORDS_PER_MINUTE = 180

# A word is a run of letters or digits in any script; inner hyphens and apostrophes
# keep compounds such as "GPT-3", "чат-бот" and "don't" as one word.
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SPACE_RE = re.compile(r"\s+")
# Punctuation that reads badly right before an ellipsis.
_TRAILING_PUNCTUATION = ",;:—–-([«\"'"


# Punctuation that often clings to a word; stripped first, it leaves a plain word behind.
CLINGING = ".,;:!?()[]«»\"'“”„…—–-"


def count_words(text: str) -> int:
    """Number of words in `text`, Cyrillic, Latin and numbers alike."""
    return len(find_words(text, _WORD_RE, str.isalnum))


def find_words(text: str, pattern: re.Pattern[str], plain: Callable[[str], bool]) -> list[str]:
    """What `pattern.findall(text)` gives, found faster, for a word pattern whose matches
    never span whitespace and that matches the whole of any token `plain` accepts.

    Most tokens are plain once clinging punctuation is stripped; only the rest go to the
    pattern, which would otherwise read every character of the text.
    """
    found: list[str] = []
    for token in text.split():
        bare = token if plain(token) else token.strip(CLINGING)
        if plain(bare):
            found.append(bare)
        else:
            found += pattern.findall(bare)
    return found


def collapse_whitespace(text: str) -> str:
    """`text` with every run of whitespace turned into one space, trimmed."""
    return _SPACE_RE.sub(" ", text).strip()


def reading_minutes(word_count: int) -> int:
    """Minutes a reader needs for `word_count` words, rounded half up, at least 1."""
    return max(1, (word_count + WORDS_PER_MINUTE // 2) // WORDS_PER_MINUTE)


def counted(n: int, one: str, many: str) -> str:
    """'1 post', '2 posts': a count with the English noun form it takes."""
    return f"{n} {one if n == 1 else many}"


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The Russian plural form for `n`: plural_ru(21, 'минута', 'минуты', 'минут') == 'минута'."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def truncate_words(text: str, limit_chars: int) -> str:
    """`text` cut at a word boundary to at most `limit_chars` characters, ending with '…'."""
    text = collapse_whitespace(text)
    if len(text) <= limit_chars:
        return text
    if limit_chars <= 1:
        return "…"[:limit_chars]
    room = text[: limit_chars - 1]  # one character is kept for the ellipsis
    cut = room.rfind(" ")
    if cut > 0 and text[len(room)] != " ":
        room = room[:cut]
    # A single word longer than the limit is cut inside the word: better than nothing.
    room = room.rstrip().rstrip(_TRAILING_PUNCTUATION).rstrip()
    return (room or text[: limit_chars - 1]) + "…"
