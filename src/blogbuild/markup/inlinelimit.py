"""Paragraphs too dense with markup for the inline parser are shown as their text.

markdown-it-py spends tens of microseconds on each character that may start inline
markup (`[`, `*`, `<`, `` ` ``, `$`, …): a paragraph of 100,000 of them, such as a
pasted megabyte of brackets, takes seconds, the like of which no reader could read as
formatting anyway. Past MAX_INLINE_MARKS such characters a paragraph (or table cell,
or heading) is kept as plain text, escaped, and the post gets a warning naming its line;
past MAX_POST_MARKS in all, so is every later paragraph of the post.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from blogbuild.markup.state import document_state

# Real paragraphs hold a few hundred, the densest real post (math-heavy, 90 KB) 11,000 in
# all; parsing 20,000 costs about a second.
MAX_INLINE_MARKS = 20_000
MAX_POST_MARKS = 60_000


# mdurl encodes a link's address at about 1.5 µs a character outside ASCII, once for each
# `[` whose link could end there: a "URL" of a megabyte of Cyrillic cost seconds. Real
# addresses are short; long ones (data: images) are ASCII, which costs a sixth of that.
LONGEST_URL = 100_000


def inline_limit_plugin(md: MarkdownIt) -> None:
    """Parse inline content as markdown-it does, except where it is too dense to, and
    take no address over LONGEST_URL characters outside ASCII for a link."""
    md.core.ruler.at("inline", _bounded_inline)
    normalize, validate = md.normalizeLink, md.validateLink

    def normalize_link(url: str) -> str:
        return url if _too_long(url) else normalize(url)

    def validate_link(url: str) -> bool:
        return not _too_long(url) and validate(url)

    md.normalizeLink = normalize_link  # type: ignore[method-assign]
    md.validateLink = validate_link  # type: ignore[method-assign]


def _too_long(url: str) -> bool:
    return len(url) > LONGEST_URL and not url.isascii()


def too_dense(md: MarkdownIt, content: str) -> int:
    """How many characters of `content` may start inline markup, when over the limit
    (else 0)."""
    if len(content) <= MAX_INLINE_MARKS:
        return 0
    marks = markup_characters(md, content)
    return marks if marks > MAX_INLINE_MARKS else 0


def markup_characters(md: MarkdownIt, content: str) -> int:
    """How many characters of `content` may start inline markup."""
    return len(md.inline.terminator_re.findall(content))


def _bounded_inline(state: StateCore) -> None:
    doc = document_state(state.env)
    spent = 0  # markup characters of the paragraphs parsed so far
    over_budget = False
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        marks = markup_characters(state.md, token.content)
        if marks <= MAX_INLINE_MARKS and spent + marks <= MAX_POST_MARKS:
            spent += marks
            state.md.inline.parse(token.content, state.md, state.env, token.children)
            continue
        text = Token("text", "", 0)
        text.content = token.content
        token.children.append(text)
        if doc is None:
            continue
        line = doc.first_line + (token.map[0] if token.map else 0)
        if marks > MAX_INLINE_MARKS:
            message = (
                f"a paragraph of {marks:,} markup characters (more than {MAX_INLINE_MARKS:,}) "
                "is shown as plain text"
            )
            doc.warnings.append((line, message))
        elif not over_budget:
            over_budget = True
            message = (
                f"the post holds more than {MAX_POST_MARKS:,} markup characters: this "
                "paragraph and those after it that would pass the limit are shown as plain text"
            )
            doc.warnings.append((line, message))
