"""Letters from the wrong alphabet: stray CJK and other scripts, words mixing Cyrillic and Latin."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
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


_WORD_BEFORE = re.compile(r"([A-Za-z']+)\s+$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z']+)")


def _in_place_of_a_word(text: str, start: int, end: int) -> bool:
    """True when a run stands between two lower-case English words, mid-sentence: a word
    of the sentence came out in another script ('the model's 性能 keeps improving').
    A name in another script stands after a capitalised name or in parentheses."""
    before = _WORD_BEFORE.search(text, max(start - 40, 0), start)
    after = _WORD_AFTER.match(text[end : end + 40])
    return bool(before and after and before.group(1).islower() and after.group(1).islower())


# Where another script is quoted, not slipped in: a link's text ("[JavaScript Promiseの本]"),
# a quoted title, a term in parentheses. Each is bounded by its own line of text.
_CITED = re.compile(
    r"\[[^\[\]\n]*\](?=[(\[])|«[^«»\n]*»|“[^“”\n]*”|„[^„“\n]*“|\"[^\"\n]*\"|\([^()\n]*\)"
    r"|(?<!\*)\*[^*\n]+\*(?!\*)|\*\*[^*\n]+\*\*"  # a title in italics or bold
)


_FAR = 1 << 62


def _cited(start: int, end: int, found: list[tuple[int, int]]) -> bool:
    # The matches do not overlap and come in order: the one starting last before `start`
    # is the only one that can hold the run.
    position = bisect_right(found, (start, _FAR)) - 1
    return position >= 0 and found[position][1] >= end


def foreign_script(doc: Document) -> Iterator[Hit]:
    """Runs of other scripts inside Russian prose, or glued to a word in any prose.

    A run (of one or more scripts) is one finding; one quoted, linked or in parentheses
    is a title or a term, not a glitch, unless it is glued to a word of ours.
    """
    for span in doc.spans:
        russian: bool | None = None
        cited: list[tuple[int, int]] | None = None
        for suspect in _SUSPECT.finditer(span.prose):
            start, end = suspect.span()
            scripts = [name for name in map(foreign_script_name, suspect.group()) if name]
            if not scripts:
                continue
            if not _glued(span.prose, start, end):
                if russian is None:
                    # An English post may name a person in Chinese; Russian prose won't.
                    russian = _mostly_cyrillic(span.prose)
                letters = any(c.isalpha() for c in suspect.group())
                if not russian and not (letters and _in_place_of_a_word(span.prose, start, end)):
                    continue
            if cited is None:
                cited = [m.span() for m in _CITED.finditer(span.markup)]
            if _cited(start, end, cited):
                continue
            names = "/".join(dict.fromkeys(part for name in scripts for part in name.split("/")))
            chars = suspect.group().strip()
            message = (
                f"{names} characters '{chars}' in the text, a generation glitch: replace "
                "them with the word meant, or quote them if they are cited"
            )
            yield doc.span_hit("foreign-script", span, start, message)


WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF]+")
# Latin letters that look like Cyrillic ones, and the Cyrillic letter each passes for.
_LATIN_TO_CYRILLIC = dict(zip("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ", strict=True))
_CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()}
_LATIN_LOOKALIKES = frozenset(_LATIN_TO_CYRILLIC)
_CYRILLIC_LOOKALIKES = frozenset(_CYRILLIC_TO_LATIN)
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
    problem = mixed_script_word_problem(word)
    return problem[0] if problem else None


def mixed_script_word_problem(word: str) -> tuple[str, str | None] | None:
    """(why the word looks broken, the word repaired or None), or None when it is usual.

    A repair is offered for look-alike letters alone: each becomes the letter of the word's
    own script that it passes for. A fused word ('илиeven') has no certain repair.
    """
    runs = ["".join(g) for _, g in groupby(word, key=_is_cyrillic)]
    if len(runs) < 2:
        return None
    latin_first = not _is_cyrillic(word[0])
    cyrillic = "".join(c for c in word if _is_cyrillic(c))
    latin = "".join(c for c in word if not _is_cyrillic(c))
    if len(runs) == 2:
        head, tail = runs
        if latin_first:
            if len(head) == 1 and head.islower() and tail[0].isupper():
                return None  # 'eКниг', 'iПочта': a Latin prefix before a capital, on purpose
            if (
                len(tail) >= 3
                and set(head) <= _LATIN_LOOKALIKES
                and (len(head) == 1 or not head.isupper())
            ):
                return _lookalike(word, "Latin", head, "Cyrillic")
            if len(tail) <= _MAX_ENDING or tail.lower().startswith(_DERIVED_ENDING):
                return None  # GANы, BERTовский: a Russian ending on a Latin stem
            return _fused(word, "Latin", head, "Cyrillic", tail)
        if len(tail) <= 2 and set(tail) <= _LATIN_LOOKALIKES:
            return _lookalike(word, "Latin", tail, "Cyrillic")
        if len(head) <= 2 and set(head) <= _CYRILLIC_LOOKALIKES:
            return _lookalike(word, "Cyrillic", head, "Latin")  # 'Тablet', 'Сhrome'
        return _fused(word, "Cyrillic", head, "Latin", tail)
    latin_alike, cyrillic_alike = (
        set(latin) <= _LATIN_LOOKALIKES,
        set(cyrillic) <= _CYRILLIC_LOOKALIKES,
    )
    if latin_alike and (len(latin) <= len(cyrillic) or not cyrillic_alike):
        return _lookalike(word, "Latin", latin, "Cyrillic")
    if cyrillic_alike:
        return _lookalike(word, "Cyrillic", cyrillic, "Latin")  # 'FааS'
    return f"'{word}' mixes Cyrillic and Latin letters; retype it in one script", None


def _fused(word: str, first: str, head: str, second: str, tail: str) -> tuple[str, None]:
    message = (
        f"'{word}' fuses the {first} '{head}' and the {second} '{tail}': a missing space? "
        "Put the space back"
    )
    return message, None


def _lookalike(word: str, script: str, letters: str, host: str) -> tuple[str, str]:
    table = _LATIN_TO_CYRILLIC if script == "Latin" else _CYRILLIC_TO_LATIN
    repaired = "".join(table.get(c, c) if c in letters else c for c in word)
    meant = "".join(table.get(c, c) for c in letters)
    message = (
        f"'{word}' hides {script} '{letters}' among {host} letters, look-alikes of '{meant}'; "
        f"retype {'them' if len(letters) > 1 else 'it'} in {host}"
    )
    return message, repaired


# A Latin letter with a Cyrillic one before or after it. Led by the Latin class, rare in
# Russian prose, so `re` skips ahead fast; the Cyrillic side is looked at around it.
_SCRIPT_BOUNDARY = re.compile(
    r"[A-Za-z\u00C0-\u024F](?:(?<=[\u0400-\u04FF].)|(?=[\u0400-\u04FF]))", re.DOTALL
)


# A name of letters and digits ('GPT-4o', 'A100', 'Llama-3B'), read as one token.
_NAME = re.compile(r"[A-Za-z\u0400-\u04FF\d]+(?:[-.][A-Za-z\u0400-\u04FF\d]+)*")
# Where such a name may hide a look-alike: a digit touching a Cyrillic letter.
_DIGIT_CYRILLIC = re.compile(r"\d[\u0400-\u04FF]|[\u0400-\u04FF]\d")
# Russian case endings written after a name with digits: 'с GPT-4ом', 'на A100ах'.
_CASE_ENDINGS = frozenset(
    ("а", "е", "у", "ы", "и", "ом", "ой", "ов", "ах", "ам", "ами", "ей", "ю", "я")
)


def lookalike_in_name(token: str) -> str | None:
    """Why a Latin name with digits hides a Cyrillic look-alike ('GPT-4о'), or None."""
    if not any(c.isdigit() for c in token):
        return None
    letters = [c for c in token if c.isalpha()]
    latin = [c for c in letters if not _is_cyrillic(c)]
    cyrillic = [c for c in letters if _is_cyrillic(c)]
    if not latin or not cyrillic or not set(cyrillic) <= _CYRILLIC_LOOKALIKES:
        return None
    runs = ["".join(g) for is_cyr, g in groupby(token, key=_is_cyrillic) if is_cyr]
    if all(run.lower() in _CASE_ENDINGS for run in runs):
        return None  # a Russian ending on the name
    if any(len(run) > 2 for run in runs):
        return None  # a Russian word joined to the name ('x2-рост'), not a stray letter
    letters_shown = "".join(cyrillic)
    meant = "".join(_CYRILLIC_TO_LATIN[c] for c in cyrillic)
    return (
        f"'{token}' hides Cyrillic '{letters_shown}' among Latin letters, look-alikes of "
        f"'{meant}'; retype it in Latin"
    )


def mixed_script_word(doc: Document) -> Iterator[Hit]:
    """Words fused from Cyrillic and Latin, or with look-alike letters of the other script."""
    for span in doc.spans:
        names = bool(_DIGIT_CYRILLIC.search(span.prose))
        if not names and not _SCRIPT_BOUNDARY.search(span.prose):
            continue
        reported = set()
        for match in WORD.finditer(span.prose):
            problem = mixed_script_problem(match.group())
            if problem:
                reported.add(match.start())
                yield doc.span_hit("mixed-script-word", span, match.start(), problem)
        for match in _NAME.finditer(span.prose) if names else ():
            inside = any(match.start() <= at < match.end() for at in reported)
            if inside or not _DIGIT_CYRILLIC.search(match.group()):
                continue
            why = lookalike_in_name(match.group())
            if why:
                yield doc.span_hit("mixed-script-word", span, match.start(), why)


CHECKS = {"foreign-script": foreign_script, "mixed-script-word": mixed_script_word}
