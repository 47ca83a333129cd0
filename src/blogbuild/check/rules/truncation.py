"""Text that stops too early: an article or section ending mid-sentence, a fence never closed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from blogbuild.check.document import Document, Span
from blogbuild.check.findings import Hit
from blogbuild.check.prose import unescape
from blogbuild.check.rules.scraped import find_debris

# Closing quotes, brackets and ')' end a sentence that ends inside them; ':' leads into a
# list or code that a Markdown writer may have put after it; '|' ends a table row.
# Arrows end a footnote ("↑", "↩": back to the text).
_TERMINAL = frozenset(".!?…:)»\"”’']>|↑↩⤴")
_CLOSING_MARKUP = "*_~"
_EMOTICON = re.compile(r"(?:^|\s)[:;xX8=]-?[DPpO03]$")
# A bibliography lists sources, not sentences.
_REFERENCES = re.compile(
    r"^(?:references|bibliography|sources|citations?|further reading|список литературы"
    r"|литература|источники|ссылки|использованные источники)\b",
    re.I,
)


def ends_sentence(text: str, prose: str | None = None) -> bool:
    """True when a paragraph's text ends like a finished sentence (or with code, math, a URL)."""
    if prose is not None and len(prose.rstrip()) < len(text.rstrip()):
        return True  # it ends in code, math, a URL or HTML, which has its own shape
    bare = _strip_closing_markup(text)
    if not bare:
        return True
    last = bare[-1]
    # An emoticon is at most four characters with the space before it; '^' still means
    # the real start of `bare` when the search starts later.
    if _EMOTICON.search(bare, max(len(bare) - 4, 0)):
        return True
    return last in _TERMINAL or unicodedata.category(last) == "So"  # emoji close a line too


# What a cut-off sentence ends on: a word that needs another after it, or a comma.
_DANGLING_WORDS = (
    "и а но или либо что чтобы как который которая которое которые если когда где в во на "
    "с со к ко по о об от до из за для при без через под над между это не также "
    "the a an and or but nor of to in on at for with by from into that which who whose "
    "as is are was were be been its their our your this these those than then so if when"
)
_DANGLING = frozenset(_DANGLING_WORDS.split(" "))
_OPEN_ENDING = tuple(",;-—–([{«“/+&")
# A prose paragraph has this many words; fewer is a label, a tagline or a signature.
_MIN_PROSE_WORDS = 8
_MIN_CUT_WORDS = 3  # with its sentence left open ('Текст обрывается на')
# An ending without its full stop but with no word left hanging is a cut-off paragraph
# when it is a paragraph of running prose; a short closing remark of an author's ("Увы,
# техника иногда ломается") often goes without one.
_MIN_UNFINISHED_WORDS = 20
# "**Deadline:** Until filled", "Score: 7": a label and its value.
# At most three emphasis markers around a label ("**Итог:**"): unbounded runs made a line
# of 20,000 underscores try every split of them.
_LABEL = re.compile(r"^[*_]{0,3}[^\W\d][\w .'-]{0,40}?[*_]{0,3}:[*_]{0,3}\s")
# "— A. N. Whitehead", "Lutz, Mark", "Andrew Bruce, Peter Bruce": who said or wrote it.
_ATTRIBUTION = re.compile(r"^\s*(?:[—–~]|--|-\s)")
_NAMES_END = re.compile(r"[A-ZА-ЯЁ][\w.'’-]*,?\s+(?:[A-ZА-ЯЁ]\.\s*)*[A-ZА-ЯЁ][\w.'’-]*\W*$")
_SEPARATOR = re.compile(r"\s[•·|/]\s")
# The last word of a text line is a web or e-mail address: it has a shape of its own.
_ADDRESS_END = re.compile(r"(?:://|@|\bwww\.)\S*$|\w\.[A-Za-z]\w{0,3}$")  # or a file name


def ends_mid_sentence(text: str) -> bool:
    """True when a paragraph's last word or mark leaves its sentence open ('… и', '…,')."""
    bare = _strip_closing_markup(text)
    if not bare:
        return False
    if bare.endswith(_OPEN_ENDING):
        return True
    last = bare.rsplit(None, 1)[-1].casefold()
    return last in _DANGLING


def is_prose(text: str, min_words: int = _MIN_PROSE_WORDS) -> bool:
    """True for running prose: enough words, mostly in lower case, no label or signature.

    Labels, titles, credits and attributions capitalise their words or lead with a dash.
    """
    if _ATTRIBUTION.match(text) or _LABEL.match(text) or _NAMES_END.search(text):
        return False
    if len(_SEPARATOR.findall(text)) >= 2:
        return False  # 'аудио • лог чата • wiki': a row of links or labels
    words = [word for word in text.split() if word[:1].isalpha()]
    if len(words) < min_words:
        return False
    return sum(word[0].islower() for word in words) * 2 > len(words)


def _ends_in_emphasis(text: str) -> bool:
    """True when the last words are bold or italic: a term, a credit or a tagline."""
    return text.rstrip().endswith(tuple(_CLOSING_MARKUP))


def _strip_closing_markup(text: str) -> str:
    """`text` without the trailing run of whitespace and emphasis markers (`*`, `_`, `~`)."""
    end = len(text)
    while end and (text[end - 1] in _CLOSING_MARKUP or text[end - 1].isspace()):
        end -= 1
    return text[:end]


def _tail_words(text: str) -> str:
    words = " ".join(unescape(text).split()).split(" ")
    return " ".join(words[-5:])


def truncated_ending(doc: Document) -> Iterator[Hit]:
    """The last paragraph of the article, or of a section, does not end a sentence."""
    rule = "truncated-ending"
    if doc.is_text:
        yield from _text_ending(doc)
        return
    paragraphs = {
        span.token_index - 1: span
        for span in doc.spans
        if span.block == "paragraph" and doc.tokens[span.token_index].level == 1
    }
    blocks = doc.top_blocks()
    in_references = False
    for position, index in enumerate(blocks):
        if doc.is_heading(index):
            heading = doc.tokens[index + 1].content.strip(" *_#")
            in_references = bool(_REFERENCES.match(heading))
        span = paragraphs.get(index)
        if span is None or in_references:
            continue
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        # Only the last paragraph of the article or of a section can be reported.
        if following is not None and not doc.is_heading(following):
            continue
        if ends_sentence(span.text, span.prose) or _ends_in_emphasis(span.text):
            continue
        cut = ends_mid_sentence(span.prose)
        if not is_prose(span.prose, _MIN_CUT_WORDS if cut else _MIN_UNFINISHED_WORDS):
            continue
        if following is not None and not cut:
            continue  # a section may end on a sentence without its period; not cut off
        if following is None:
            message = _ending_message("the article", span.text, cut)
        else:
            heading_map = doc.tokens[following].map or [0, 0]
            line = doc.file_line(heading_map[0])
            message = _ending_message(
                f"the section before the heading on line {line}", span.text, cut
            )
        yield _at_end(doc, rule, span, message)


def _ending_message(where: str, text: str, cut: bool) -> str:
    tail = _tail_words(text)
    if cut:
        return (
            f"{where} stops mid-sentence at '…{tail}': the text was cut off; "
            "finish the sentence or remove it"
        )
    return (
        f"{where} ends on a sentence without final punctuation, '…{tail}': "
        "check that nothing is missing and end it with a full stop"
    )


def _at_end(doc: Document, rule: str, span: Span, message: str) -> Hit:
    return doc.span_hit(rule, span, max(len(span.text.rstrip()) - 1, 0), message)


# Lines of a text post that are list items, or code (copied with the article's text).
_LIST_LINE = re.compile(r"^\s*(?:[•·▪‣◦●*+–-]|\d{1,3}[.)])\s")
_CODE_START = re.compile(r"(?:\s{4}|\t)|\s*[#/]{1,2}\s")
_CODE_END = re.compile(r"[{};]\s*$|\w\(.*\)\s*$")
_CODE_ANYWHERE = re.compile(r"[=<>]=")
# Patterns that end at the end of the line are tried on its tail: tried from every `(` or
# `@` of a line of 300,000 characters, each would read on to its end.
_TAIL = 300


def _is_code_or_address(text: str) -> bool:
    tail = text[-_TAIL:]
    return bool(
        _CODE_START.match(text)
        or _CODE_ANYWHERE.search(text)
        or _CODE_END.search(tail)
        or _ADDRESS_END.search(tail)
    )


def _text_ending(doc: Document) -> Iterator[Hit]:
    # A plain-text post's article ends where the page's chrome begins; its lines are read
    # as written, since the Markdown made of them may turn a last label into a heading.
    end = find_debris(doc).tail_start
    lines = doc.text_lines[:end] if end is not None else doc.text_lines
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return
    last = filled[-1]
    text = lines[last].rstrip()
    if _LIST_LINE.match(text) or _is_code_or_address(text):
        return  # a list item, a line of code or an address is no sentence to cut off
    if ends_sentence(text):
        return
    cut = ends_mid_sentence(text)
    if not is_prose(text, _MIN_CUT_WORDS if cut else _MIN_UNFINISHED_WORDS):
        return  # a label, a tagline, a credit or a short remark
    message = _ending_message("the article", text, cut)
    yield doc.text_hit("truncated-ending", last, len(text) - 1, message)


_FENCE_CLOSE = re.compile(r"^\s*(`{3,}|~{3,})\s*$")
_CONTAINER = re.compile(r"^\s*(?:>\s?)*")  # blockquote markers before a closing fence


def unclosed_fence(doc: Document) -> Iterator[Hit]:
    """A fenced code block whose closing fence never comes."""
    for token in doc.tokens:
        if token.type != "fence" or not token.map:
            continue
        start, end = token.map
        last = _CONTAINER.sub("", doc.lines[end - 1]) if end - 1 > start else ""
        closing = _FENCE_CLOSE.match(last)
        fence = closing.group(1) if closing else ""
        if fence[:1] == token.markup[:1] and len(fence) >= len(token.markup):
            continue
        message = f"the code fence '{token.markup}' opened here is never closed"
        yield doc.block_hit("unclosed-fence", token, message)


CHECKS = {"truncated-ending": truncated_ending, "unclosed-fence": unclosed_fence}
