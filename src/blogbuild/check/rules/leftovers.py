"""Leftovers of generation and of other generators: placeholders, chatbot phrases, Liquid."""

from __future__ import annotations

import re
from collections.abc import Iterator

from blogbuild.check.document import Document, Span
from blogbuild.check.findings import Hit
from blogbuild.check.prose import LIQUID, delimited, unescape
from blogbuild.markup.liquid import is_rendered

# Lower-case patterns, each starting with a literal so that `re` can skip ahead fast;
# the word boundary before a match is checked in code for the same reason. Each is the
# defect itself, not a word an article may discuss: filler text runs on ("lorem ipsum
# dolor"), and a chatbot speaks of itself in the first person ("my knowledge cutoff").
_SELF_REFERENCE = "a chatbot's self-reference"
_CUTOFF = "the model's knowledge cutoff"
_PREAMBLE = "a chatbot's reply preamble"
_OFFER = "a chatbot's words to whoever asked for the text"
_FILL = "fill it in or delete it"
_PHRASES = (
    (r"lorem ipsum,? dolor\b", "filler text"),
    (r"as an ai (?:language model|model|assistant), i\b", _SELF_REFERENCE),
    (r"as a (?:large )?language model, i\b", _SELF_REFERENCE),
    (r"как (?:большая )?языковая модель(?: ии| искусственного интеллекта|,? я)\b", _SELF_REFERENCE),
    (r"как (?:ии|ии-модель|ии-ассистент|модель ии|искусственный интеллект), я\b", _SELF_REFERENCE),
    (r"my (?:last )?(?:knowledge|training) (?:cut-?off|update)\b", _CUTOFF),
    (r"as of my last (?:knowledge )?update\b", _CUTOFF),
    (r"на момент моего последнего обновления\b", _CUTOFF),
    (r"мои знания ограничены\b", _CUTOFF),
    (r"certainly[!,.] here(?: is|'s) (?:the|your|an?) (?:article|blog post|text)\b", _PREAMBLE),
    (r"sure[!,.] here(?: is|'s) (?:the|your|an?) (?:article|blog post|text)\b", _PREAMBLE),
    (r"конечно[!,.]? вот (?:ваша |готовая )?(?:статья|текст)\b", _PREAMBLE),
    # The assistant speaks of itself: "I'm an AI", "будучи искусственным интеллектом, я".
    (r"i(?:'m| am) (?:just |only )?an ai\b", _SELF_REFERENCE),
    (r"as an ai, i\b", _SELF_REFERENCE),
    (
        r"будучи (?:языковой моделью|искусственным интеллектом|ии|ии-ассистентом"
        r"|чат-ботом|нейросетью), я\b",
        _SELF_REFERENCE,
    ),
    (
        r"я (?:всего лишь |лишь |просто )?(?:языковая модель|искусственный интеллект"
        r"|ии-ассистент|чат-бот)\b",
        _SELF_REFERENCE,
    ),
    # The assistant addresses whoever asked for the text, offering more of it.
    (r"let me know if you(?:'d| would)? (?:like|want) me to\b", _OFFER),
    (r"would you like me to\b", _OFFER),
    (r"i hope this (?:helps|article|post|guide|overview)\b", _OFFER),
    (r"i(?:'m| am|'d| would) (?:be )?happy to (?:help|assist|expand|provide|write)\b", _OFFER),
    (
        r"i can (?:also )?(?:expand|rewrite|shorten|provide|add|create|write|prepare)"
        r" (?:a |an |the |more |this )?(?:section|version|article|post|example|draft|table"
        r"|outline|summary)",
        _OFFER,
    ),
    (
        r"если (?:хотите|нужно|потребуется|интересно|вам нужно),? (?:я )?(?:также )?могу\b",
        _OFFER,
    ),
    (
        r"могу (?:также |ещё |еще )?(?:добавить|подготовить|переписать|сократить|расширить"
        r"|адаптировать|написать|составить|дополнить)(?: [\w-]+){0,2} (?:стать|текст|раздел"
        r"|таблиц|пример|верси|список|план|обзор)",
        _OFFER,
    ),
    (
        r"надеюсь, (?:эта статья|этот текст|этот материал|этот обзор) (?:был\w* )?(?:вам )?"
        r"полезн",
        _OFFER,
    ),
)
_PHRASE_PATTERNS = tuple((re.compile(pattern), kind) for pattern, kind in _PHRASES)
# Matches where any phrase does (an alternation tries every phrase at each position), so
# one search tells whether the twelve patterns need to run at all.
_ANY_PHRASE = re.compile("|".join(f"(?:{pattern})" for pattern, _ in _PHRASES))
_MARKER_WORDS = ("TODO", "TBD", "FIXME", "TKTK")
# Markers are written in capitals on purpose; "todo" in prose is an ordinary word. A
# marker left in stands where a sentence starts, before what is to be done ("TODO:
# дописать"), or alone in brackets ("[TBD]"); "on the TODO list" or "dates TBD" is prose,
# and "// TODO:" is a code comment. TKTK is a marker wherever it stands.
_MARKER = re.compile(
    r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…]\s\s)|(?<=\n))(?:TODO|TBD|FIXME)\s*(?:[:—–-]|$)"
    r"|(?<=[\[(])(?:TODO|TBD|FIXME)(?=[\])])|(?<![\w-])TKTK(?![\w-])",
    re.MULTILINE,
)
_BRACKETED = re.compile(r"\[([^\[\]\n]{3,120})\]")
# A slot says what to put there, from its first word ("[Вставьте имя]", "[Название
# компании]", "[Your name]"); a bracket that only mentions such a word is prose
# ("[or generate your own]"). A few words make a slot wherever they stand.
_SLOT_START = re.compile(
    r"(?:временн\w* текст|заполнител|вставь|вставить|добавьте|впишите|укажите|здесь будет"
    r"|ваш[аеиу]?\b|имя\b|название\b|placeholder|insert\b|your\b|add\b|enter\b"
    r"|to be (?:added|written)\b)",
    re.I,
)
_SLOT_ANYWHERE = re.compile(
    r"ошибк\w* генерац|placeholder|заполнител|\bto be (?:added|written)\b", re.I
)
# A notice in brackets about the text that failed to come: its generation and the failure.
_NOTICE = re.compile(r"\[[^\[\]\n]{8,200}\](?![(\[:])|\([^()\n]{8,200}\)")
_GENERATION = re.compile(r"generat|сгенерир|генерац|\btokens?\b|токен", re.I)
_FAILURE = re.compile(
    r"\berror|\bfail|could not|couldn't|cannot|unable|unavailable|limit|truncat|cut off"
    r"|ошибк|не удалось|не получилось|невозможно|недоступ|лимит|превышен|прерван|оборван",
    re.I,
)
# A named slot: "[Launch Date]", "[Client Name]", "[дата проведения]"; a variable for a
# number left unfilled: "[N]%", "[X] раз".
_NAMED_SLOT = re.compile(
    r"^(?:[A-Z][a-z]+ ){1,3}(?:Name|Date|Number|Percentage|Amount|Title|Company|Product"
    r"|City|Price|Link|URL)$"
    r"|^(?:имя|дата|дату|число|количество|процент|сумма|цена|город|ссылка)(?: [а-яё]+){1,2}$"
)
_NUMBER_SLOT = re.compile(r"\[[A-Z]\](?=\s*(?:%|раз\b|times\b|x\b))")
_ANGLED = re.compile(
    r"<(?:placeholder|insert[^<>\n]*|your[ _-][^<>\n]*|вставьте[^<>\n]*|ваш[аеи]?\s[^<>\n]*)>",
    re.I,
)
# Quoted text is discussed, not left in: «[Название вкладки] выбрана» quotes a screen reader.
_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
# {{ site.x }}, {{ page.x }}, {{ 'a' | filter }}: Liquid; {{< x >}} and {{% x %}}: Hugo
# shortcodes; {{ .Title }}: a Go template. An unfilled slot is a bare name: {{name}}.
_LIQUID_OUTPUT = re.compile(r"^\{\{-?\s*(?:\S*[.|'\"]|content\b|site\b|page\b)")
_SLOT = re.compile(r"\{\{\s*[^\W\d][\w -]{0,40}?\s*\}\}")


def _is_liquid(tag: str) -> bool:
    return tag.startswith("{%") or bool(_LIQUID_OUTPUT.match(tag))


def _short(text: str, limit: int = 60) -> str:
    text = unescape(" ".join(text.split()))
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
            phrases = []
            for pattern, kind in _PHRASE_PATTERNS:
                for match in pattern.finditer(lowered):
                    if match.start() > 0 and lowered[match.start() - 1].isalnum():
                        continue  # inside a longer word
                    if _quoted(markup, match.start(), match.end()):
                        continue  # quoted: the article discusses the phrase
                    phrases.append((match.start(), match.end(), kind))
            reached = -1
            for start, end, kind in sorted(phrases):
                if start < reached:
                    continue  # one sentence said by two patterns: one finding
                reached = end
                shown = _short(prose[start:end])
                message = f"{kind}: '{shown}'; delete it, the reader was not asked"
                yield doc.span_hit(rule, span, start, message)
        if any(word in prose for word in _MARKER_WORDS):
            for match in _MARKER.finditer(prose):
                word = match.group().rstrip(" :—–-")
                message = f"'{word}' marker left in; do what it says, then delete it"
                yield doc.span_hit(rule, span, match.start(), message)
        if "[" in markup:
            yield from _bracketed_slots(doc, span)
        if "[" in markup or "(" in markup:
            for match in _NOTICE.finditer(markup):
                inner = match.group()[1:-1].strip(" *_")
                if match.group().startswith("[") and (
                    _SLOT_START.match(inner) or _SLOT_ANYWHERE.search(inner)
                ):
                    continue  # a slot, reported as one above
                if _GENERATION.search(inner) and _FAILURE.search(inner):
                    shown = _short(match.group())
                    message = (
                        f"a generation notice '{shown}' stands in for missing text; write the "
                        "text or delete the notice"
                    )
                    yield doc.span_hit(rule, span, match.start(), message)
        if "<" in markup:
            for match in _ANGLED.finditer(markup):
                if _quoted(markup, *match.span()) or _in_command(markup, match.start()):
                    continue
                shown = _short(match.group())
                yield doc.span_hit(rule, span, match.start(), f"placeholder '{shown}'; {_FILL}")
        if "{{" in markup:
            for match in _SLOT.finditer(markup):
                if not _is_liquid(match.group()) and not _discussed(doc, match.group()):
                    message = f"unfilled template slot '{_short(match.group())}'; {_FILL}"
                    yield doc.span_hit(rule, span, match.start(), message)


def _bracketed_slots(doc: Document, span: Span) -> Iterator[Hit]:
    """'[Вставьте имя]': brackets that are no link, no reference and no quotation."""
    markup = span.markup
    for match in _NUMBER_SLOT.finditer(markup):
        if not _quoted(markup, *match.span()):
            message = f"placeholder '{match.group()}' where a number should be; {_FILL}"
            yield doc.span_hit("placeholder-text", span, match.start(), message)
    for match in _BRACKETED.finditer(markup):
        start, end = match.span()
        if markup[end : end + 1] in ("(", "[", ":") or markup[start - 1 : start] in ("!", "]"):
            continue  # a link, an image or a reference
        inner = match.group(1).strip(" *_")
        if not (
            _SLOT_START.match(inner) or _SLOT_ANYWHERE.search(inner) or _NAMED_SLOT.match(inner)
        ):
            continue
        if _quoted(markup, start, end) or _in_command(markup, start):
            continue  # quoted, or the syntax of a command line
        yield doc.span_hit(
            "placeholder-text", span, start, f"placeholder '{_short(match.group())}'; {_FILL}"
        )


# A quotation around a slot is looked for this near it, which keeps the search bounded.
_QUOTE_REACH = 200


# A command line shows what to type: '--security-groups [your group]' is its syntax.
_FLAG = re.compile(r"(?:^|\s)--?[a-z][\w-]*")


def _in_command(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", max(offset - _QUOTE_REACH, 0), offset) + 1
    return bool(_FLAG.search(text, max(line_start, offset - _QUOTE_REACH), offset))


def _quoted(text: str, start: int, end: int) -> bool:
    """True when [start, end) lies between an opening quote and its closing one."""
    low, high = max(start - _QUOTE_REACH, 0), end + _QUOTE_REACH
    for opening, closing in _QUOTES.items():
        before = text.rfind(opening, low, start)
        if before < 0:
            continue
        if opening == closing and text.count(opening, low, start) % 2 == 0:
            continue  # straight quotes: the ones before are all closed
        if text.find(closing, end, high) >= 0 and text.rfind(closing, before + 1, start) < 0:
            return True
    return False


# The slot names one document's code shows, found once: (document, names).
_code_slots: list[tuple[Document, set[str]]] = []


def _discussed(doc: Document, slot: str) -> bool:
    """True when the article shows the same slot in its code: it is the topic, not a gap."""
    if not (_code_slots and _code_slots[0][0] is doc):
        names = {
            match.group().strip("{} ")
            for index in doc.code_lines
            for match in _SLOT.finditer(doc.lines[index])
        }
        _code_slots[:] = [(doc, names)]
    return slot.strip("{} ") in _code_slots[0][1]


def liquid_tag(doc: Document) -> Iterator[Hit]:
    """Jekyll Liquid tags outside code that blogbuild does not render (it renders post_url,
    link, highlight, raw, comment, include and site/page values)."""
    rule = "liquid-tag"
    for span in doc.spans:
        if "{" not in span.markup:
            continue
        for start, end in delimited(span.markup, LIQUID):
            tag = span.markup[start:end]
            if _is_liquid(tag) and not is_rendered(tag):
                yield doc.span_hit(rule, span, start, _liquid_message(tag))
    for token in doc.tokens:
        if token.type != "html_block" or not token.map or "{" not in token.content:
            continue
        for row, line in enumerate(token.content.split("\n")):
            for start, end in delimited(line, LIQUID):
                if _is_liquid(line[start:end]) and not is_rendered(line[start:end]):
                    index = token.map[0] + row
                    yield doc.hit(rule, index, start, _liquid_message(line[start:end]))


def _liquid_message(tag: str) -> str:
    shown = _short(tag)
    if tag.startswith("{%"):
        return f"Liquid tag '{shown}' is not supported: it is left out of the page"
    return f"Liquid '{shown}' is not supported and shows as text"


CHECKS = {"placeholder-text": placeholder_text, "liquid-tag": liquid_tag}
