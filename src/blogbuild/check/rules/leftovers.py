"""Leftovers of generation and of other generators: placeholders, chatbot phrases, Liquid."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blogbuild.check.document import Document
from blogbuild.check.findings import Hit
from blogbuild.check.prose import LIQUID
from blogbuild.markup.liquid import is_rendered

# Lower-case patterns, each starting with a literal so that `re` can skip ahead fast;
# the word boundary before a match is checked in code for the same reason.
_SELF_REFERENCE = "a chatbot's self-reference"
_CUTOFF = "the model's knowledge cutoff"
_PREAMBLE = "a chatbot's reply preamble"
_PHRASES = (
    (r"lorem ipsum\b", "filler text"),
    (r"as an ai (?:language model|model|assistant)\b", _SELF_REFERENCE),
    (r"as a (?:large )?language model, i\b", _SELF_REFERENCE),
    (r"как (?:большая )?языковая модель(?: ии| искусственного интеллекта|,? я)\b", _SELF_REFERENCE),
    (r"как (?:ии|ии-модель|ии-ассистент|модель ии|искусственный интеллект), я\b", _SELF_REFERENCE),
    (r"knowledge cut-?off\b", _CUTOFF),
    (r"as of my last (?:knowledge )?update\b", _CUTOFF),
    (r"на момент моего последнего обновления\b", _CUTOFF),
    (r"мои знания ограничены\b", _CUTOFF),
    (r"certainly[!,.] here(?: is|'s) (?:the|your|an?) (?:article|blog post|text)\b", _PREAMBLE),
    (r"sure[!,.] here(?: is|'s) (?:the|your|an?) (?:article|blog post|text)\b", _PREAMBLE),
    (r"конечно[!,.]? вот (?:ваша |готовая )?(?:статья|текст)\b", _PREAMBLE),
)
_PHRASE_PATTERNS = tuple((re.compile(pattern), kind) for pattern, kind in _PHRASES)
# Matches where any phrase does (an alternation tries every phrase at each position), so
# one search tells whether the twelve patterns need to run at all.
_ANY_PHRASE = re.compile("|".join(f"(?:{pattern})" for pattern, _ in _PHRASES))
_MARKER_WORDS = ("TODO", "TBD", "FIXME", "TKTK")
# Markers are written in capitals on purpose; "todo" in prose is an ordinary word.
_MARKER = re.compile(r"(?<![\w-])(?:TODO|TBD|FIXME|TKTK)(?![\w-])")
_BRACKETED = re.compile(r"\[([^\[\]\n]{3,120})\]")
_BRACKET_WORDS = re.compile(
    r"временн\w* текст|заполнител|ошибк\w* генерац|вставь|вставить|добавьте|впишите|укажите"
    r"|здесь будет|\bваш[аеиу]?\b|\bимя\b|\bназвание\b|placeholder|\binsert\b|\byour\b"
    r"|\bto be (?:added|written)\b",
    re.I,
)
_ANGLED = re.compile(
    r"<(?:placeholder|insert[^<>\n]*|your[ _-][^<>\n]*|вставьте[^<>\n]*|ваш[аеи]?\s[^<>\n]*)>",
    re.I,
)
# {{ site.x }}, {{ page.x }}, {{ 'a' | filter }}: Liquid; a bare {{name}} is an unfilled slot.
_LIQUID_OUTPUT = re.compile(r"^\{\{-?\s*(?:\S*[.|'\"]|content\b|site\b|page\b)")


def _is_liquid(tag: str) -> bool:
    return tag.startswith("{%") or bool(_LIQUID_OUTPUT.match(tag))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def placeholder_text(doc: Document) -> Iterator[Hit]:
    """Placeholders, filler and chatbot phrases in prose."""
    rule = "placeholder-text"
    for span in doc.spans:
        prose, markup = span.prose, span.markup
        lowered = prose.lower()
        if len(lowered) != len(prose):
            lowered = prose  # a letter whose lower case is longer: offsets must hold
        if _ANY_PHRASE.search(lowered):
            for pattern, kind in _PHRASE_PATTERNS:
                for match in pattern.finditer(lowered):
                    if match.start() > 0 and lowered[match.start() - 1].isalnum():
                        continue  # inside a longer word
                    shown = _short(prose[match.start() : match.end()])
                    yield doc.span_hit(rule, span, match.start(), f"{kind}: '{shown}'")
        if any(word in prose for word in _MARKER_WORDS):
            for match in _MARKER.finditer(prose):
                yield doc.span_hit(rule, span, match.start(), f"'{match.group()}' marker left in")
        if "[" in prose:
            for match in _BRACKETED.finditer(prose):
                following = span.text[match.end() : match.end() + 1]
                if following in ("(", "[", ":") or not _BRACKET_WORDS.search(match.group(1)):
                    continue  # a link, a reference or ordinary brackets
                shown = _short(match.group())
                yield doc.span_hit(rule, span, match.start(), f"placeholder '{shown}'")
        if "<" in markup:
            for match in _ANGLED.finditer(markup):
                shown = _short(match.group())
                yield doc.span_hit(rule, span, match.start(), f"placeholder '{shown}'")
        if "{{" in markup:
            for match in LIQUID.finditer(markup):
                if not _is_liquid(match.group()) and match.group().startswith("{{"):
                    message = f"unfilled template slot '{_short(match.group())}'"
                    yield doc.span_hit(rule, span, match.start(), message)


def liquid_tag(doc: Document) -> Iterator[Hit]:
    """Jekyll Liquid tags outside code that blogbuild does not render (it renders post_url,
    link, highlight, raw, comment, include and site/page values)."""
    rule = "liquid-tag"
    for span in doc.spans:
        if "{" not in span.markup:
            continue
        for match in LIQUID.finditer(span.markup):
            if _is_liquid(match.group()) and not is_rendered(match.group()):
                yield doc.span_hit(rule, span, match.start(), _liquid_message(match.group()))
    for token in doc.tokens:
        if token.type != "html_block" or not token.map or "{" not in token.content:
            continue
        for row, line in enumerate(token.content.split("\n")):
            for match in LIQUID.finditer(line):
                if _is_liquid(match.group()) and not is_rendered(match.group()):
                    index = token.map[0] + row
                    yield doc.hit(rule, index, match.start(), _liquid_message(match.group()))


def _liquid_message(tag: str) -> str:
    shown = _short(tag)
    if tag.startswith("{%"):
        return f"Liquid tag '{shown}' is not supported: it is left out of the page"
    return f"Liquid '{shown}' is not supported and shows as text"


CHECKS = {"placeholder-text": placeholder_text, "liquid-tag": liquid_tag}
