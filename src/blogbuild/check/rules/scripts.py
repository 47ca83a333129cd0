"""Letters from the wrong alphabet: stray CJK and other scripts, words mixing Cyrillic and Latin."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import groupby

from blogbuild.check.document import Document
from blogbuild.check.findings import Hit

# Letters that belong in Russian or English technical prose, by Unicode name.
_OWN_LETTERS = (
    "LATIN",
    "CYRILLIC",
    "GREEK",
    "MATHEMATICAL",
    "DOUBLE-STRUCK",
    "SCRIPT",
    "BLACK-LETTER",
    "MODIFIER LETTER",
    "PLANCK",
    "MICRO",
    "FEMININE",
    "MASCULINE",
)
_SCRIPT_NAMES = {
    "CJK": "Chinese/Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "IDEOGRAPHIC": "CJK punctuation",
    "FULLWIDTH": "full-width",
}


def foreign_script_name(char: str) -> str | None:
    """The script of a character foreign to Russian/English prose, or None when it belongs."""
    code = ord(char)
    if code < 0x250:
        return None
    name = unicodedata.name(char, "")
    # Ideographic punctuation and full-width forms come with CJK text, not with ours.
    if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
        return _SCRIPT_NAMES.get(name.split(" ")[0], "CJK punctuation")
    if not unicodedata.category(char).startswith("L") or name.startswith(_OWN_LETTERS):
        return None
    first = name.split(" ")[0] if name else "unknown"
    return _SCRIPT_NAMES.get(first, first.title())


def _mostly_cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and ord(c) < 0x2000]
    return sum(_is_cyrillic(c) for c in letters) * 2 > len(letters)


def _glued(text: str, start: int, end: int) -> bool:
    """True when a run touches a Latin or Cyrillic letter: 'качестве基础', '讨ussion'."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return any(c.isalpha() and foreign_script_name(c) is None for c in (before, after))


# Characters that can never be foreign: Latin, Greek, Cyrillic, punctuation, symbols, emoji.
_OWN = r"\u0000-\u024f\u0300-\u052f\u1d00-\u1dbf\u1e00-\u1fff\u2000-\u2bff\U0001d400-\U0001faff"
# "[^…][^…]*", not "[^…]+": a pattern led by a class lets `re` skip ahead to a candidate.
_SUSPECT = re.compile(rf"[^{_OWN}][^{_OWN}]*")


def foreign_script(doc: Document) -> Iterator[Hit]:
    """Runs of other scripts inside Russian prose, or glued to a word in any prose."""
    for span in doc.spans:
        russian: bool | None = None
        for suspect in _SUSPECT.finditer(span.prose):
            offset = suspect.start()
            for script, run in groupby(suspect.group(), key=foreign_script_name):
                chars = "".join(run)
                if script is not None:
                    if russian is None:
                        # An English post may name a person in Chinese; Russian prose won't.
                        russian = _mostly_cyrillic(span.prose)
                    if russian or _glued(span.prose, offset, offset + len(chars)):
                        message = f"{script} characters '{chars}' in the text: a generation glitch?"
                        yield doc.span_hit("foreign-script", span, offset, message)
                offset += len(chars)


_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF]+")
_LATIN_LOOKALIKES = frozenset("aceopxyABCEHKMOPTX")
_CYRILLIC_LOOKALIKES = frozenset("асеорхуАВСЕНКМОРТХ")
# Russian endings on a Latin stem are ordinary usage: GANы, GPTшка, BERTовский, Djangoвский.
# Short endings are inflections; longer ones pass when they start like a Russian suffix.
_MAX_ENDING = 4
_DERIVED_ENDING = (
    "ов", "ев", "ск", "вск", "шн", "шк", "шеч", "ичн", "ическ", "ист", "щик", "чик", "ник",
)  # fmt: skip


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def mixed_script_problem(word: str) -> str | None:
    """Why a word of Cyrillic and Latin letters looks broken, or None when it is usual."""
    runs = ["".join(g) for _, g in groupby(word, key=_is_cyrillic)]
    if len(runs) < 2:
        return None
    latin_first = not _is_cyrillic(word[0])
    if len(runs) == 2 and latin_first:
        stem, ending = runs
        if (
            len(ending) >= 3
            and set(stem) <= _LATIN_LOOKALIKES
            and (len(stem) == 1 or not stem.isupper())
        ):
            return _lookalike(word, "Latin", stem, "Cyrillic")
        if len(ending) <= _MAX_ENDING or ending.lower().startswith(_DERIVED_ENDING):
            return None
        return f"'{word}' fuses the Latin '{stem}' and the Cyrillic '{ending}': a missing space?"
    if len(runs) == 2:
        stem, tail = runs
        if len(tail) <= 2 and set(tail) <= _LATIN_LOOKALIKES:
            return _lookalike(word, "Latin", tail, "Cyrillic")
        return f"'{word}' fuses the Cyrillic '{stem}' and the Latin '{tail}': a missing space?"
    cyrillic = "".join(c for c in word if _is_cyrillic(c))
    latin = "".join(c for c in word if not _is_cyrillic(c))
    if len(latin) <= len(cyrillic) and set(latin) <= _LATIN_LOOKALIKES:
        return _lookalike(word, "Latin", latin, "Cyrillic")
    if len(cyrillic) < len(latin) and set(cyrillic) <= _CYRILLIC_LOOKALIKES:
        return _lookalike(word, "Cyrillic", cyrillic, "Latin")
    return f"'{word}' mixes Cyrillic and Latin letters"


def _lookalike(word: str, script: str, letters: str, host: str) -> str:
    return f"'{word}' hides {script} '{letters}' among {host} letters (they look alike)"


# A Latin letter with a Cyrillic one before or after it. Led by the Latin class, rare in
# Russian prose, so `re` skips ahead fast; the Cyrillic side is looked at around it.
_SCRIPT_BOUNDARY = re.compile(
    r"[A-Za-z\u00C0-\u024F](?:(?<=[\u0400-\u04FF].)|(?=[\u0400-\u04FF]))", re.DOTALL
)


def mixed_script_word(doc: Document) -> Iterator[Hit]:
    """Words fused from Cyrillic and Latin, or with look-alike letters of the other script."""
    for span in doc.spans:
        if not _SCRIPT_BOUNDARY.search(span.prose):
            continue
        for match in _WORD.finditer(span.prose):
            problem = mixed_script_problem(match.group())
            if problem:
                yield doc.span_hit("mixed-script-word", span, match.start(), problem)


CHECKS = {"foreign-script": foreign_script, "mixed-script-word": mixed_script_word}
