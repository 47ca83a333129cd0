"""Leftovers of generation and of other generators: placeholders, chatbot phrases, Liquid."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blogbuild.check.document import Document
from blogbuild.check.findings import Hit, Rule
from blogbuild.check.prose import LIQUID, mask_code

RULES = (
    Rule(
        "placeholder-text",
        "error",
        "leftovers",
        "placeholder or chatbot text left in (Lorem ipsum, TODO, [Вставьте …], {{name}})",
    ),
    Rule(
        "liquid-tag",
        "warning",
        "leftovers",
        "Jekyll Liquid tag ({% … %}, {{ site.baseurl }}) outside code: it shows as text",
    ),
)

_PHRASES = (
    (r"\blorem ipsum\b", "filler text"),
    (r"\bas an ai(?: language)? model\b|\bas an ai assistant\b", "a chatbot's self-reference"),
    (r"\bas a (?:large )?language model, i\b", "a chatbot's self-reference"),
    (
        r"\bкак (?:большая )?языковая модель(?: ии| искусственного интеллекта|,? я)\b"
        r"|\bкак (?:ии|ии-модель|ии-ассистент|модель ии|искусственный интеллект), я\b",
        "a chatbot's self-reference",
    ),
    (
        r"\bknowledge cut-?off\b|\bas of my last (?:knowledge )?update\b"
        r"|\bна момент моего последнего обновления\b|\bмои знания ограничены\b",
        "the model's knowledge cutoff",
    ),
    (
        r"\b(?:certainly|sure)[!,.] here(?: is|'s) (?:the|your|an?) (?:article|blog post|text)\b"
        r"|\bконечно[!,.]? вот (?:ваша |готовая )?(?:статья|текст)\b",
        "a chatbot's reply preamble",
    ),
)
_PHRASE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PHRASES)), re.I)
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
        for match in _PHRASE.finditer(span.prose):
            kind = _PHRASES[int(next(k for k, v in match.groupdict().items() if v)[1:])][1]
            yield doc.span_hit(rule, span, match.start(), f"{kind}: '{_short(match.group())}'")
        for match in _MARKER.finditer(span.prose):
            yield doc.span_hit(rule, span, match.start(), f"'{match.group()}' marker left in")
        for match in _BRACKETED.finditer(span.prose):
            following = span.text[match.end() : match.end() + 1]
            if following in ("(", "[", ":") or not _BRACKET_WORDS.search(match.group(1)):
                continue  # a link, a reference or ordinary brackets
            yield doc.span_hit(rule, span, match.start(), f"placeholder '{_short(match.group())}'")
        code_free = _code_free(doc, span.text, span.first)
        for match in _ANGLED.finditer(code_free):
            yield doc.span_hit(rule, span, match.start(), f"placeholder '{_short(match.group())}'")
        for match in LIQUID.finditer(code_free):
            if not _is_liquid(match.group()) and match.group().startswith("{{"):
                message = f"unfilled template slot '{_short(match.group())}'"
                yield doc.span_hit(rule, span, match.start(), message)


def liquid_tag(doc: Document) -> Iterator[Hit]:
    """Jekyll Liquid tags and outputs outside code."""
    rule = "liquid-tag"
    for span in doc.spans:
        for match in LIQUID.finditer(_code_free(doc, span.text, span.first)):
            if _is_liquid(match.group()):
                yield doc.span_hit(rule, span, match.start(), _liquid_message(match.group()))
    for token in doc.tokens:
        if token.type != "html_block" or not token.map:
            continue
        for row, line in enumerate(token.content.split("\n")):
            for match in LIQUID.finditer(line):
                if _is_liquid(match.group()):
                    index = token.map[0] + row
                    yield doc.hit(rule, index, match.start(), _liquid_message(match.group()))


def _liquid_message(tag: str) -> str:
    shown = _short(tag)
    if "post_url" in tag or tag.startswith("{% link"):
        return f"Liquid tag '{shown}' shows as text; link to the post's URL instead"
    if "highlight" in tag:
        return f"Liquid tag '{shown}' shows as text; fence the code with ``` instead"
    if "baseurl" in tag or "relative_url" in tag:
        return f"Liquid '{shown}' shows as text; write a root-relative URL instead"
    return f"Liquid '{shown}' is not processed and shows as text"


def _code_free(doc: Document, text: str, first: int) -> str:
    """Inline text with code spans and lines of code regions blanked."""
    masked = mask_code(text)
    lines = masked.split("\n")
    return "\n".join(
        " " * len(line) if first + row in doc.code_lines else line for row, line in enumerate(lines)
    )


CHECKS = {"placeholder-text": placeholder_text, "liquid-tag": liquid_tag}
