"""TeX math (`$…$`, `$$…$$`, `\\(…\\)`, `\\[…\\]`) converted to MathML at build time."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping, Sequence
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.dollarmath.index import math_inline_dollar

from blogbuild.markup.sanitize import sanitize_mathml
from blogbuild.markup.state import (
    DocumentState,
    MathError,
    document_state,
    keep_fragment,
    render_rule,
)
from blogbuild.markup.texenv import TexTooComplex, prepare_tex

MATH_TOKEN_TYPES = frozenset(
    {"math_inline", "math_inline_double", "math_block", "math_bracket_inline", "math_bracket"}
)
_BRACKETS = {"(": ")", "[": "]"}
_LOOSE_AMPERSAND = "<mi>&</mi>"
# latex2mathml's exceptions, said the way a writer would fix them.
_READER_ERRORS = {
    "DenominatorNotFoundError": "\\frac without its denominator",
    "NumeratorNotFoundError": "\\frac without its numerator",
    "DoubleSubscriptsError": "two subscripts on one symbol",
    "DoubleSuperscriptsError": "two superscripts on one symbol",
    "ExtraLeftOrMissingRightError": "a \\left without its \\right",
    "MissingEndError": "a \\begin without its \\end",
    "MissingSuperScriptOrSubscriptError": "a ^ or _ with nothing after it",
    "NoAvailableTokensError": "the formula ends too early, is a brace left open?",
    "InvalidAlignmentError": "an unknown column alignment",
    "InvalidWidthError": "an unreadable width",
    "InvalidStyleForGenfracError": "an unreadable \\genfrac style",
    "LimitsMustFollowMathOperatorError": "\\limits after something that is not an operator",
    "RecursionError": "the formula is nested too deeply",
}
_MAX_BLOCK_LINES = 200


class MathConversionError(Exception):
    """latex2mathml could not read a formula."""


@lru_cache(maxsize=8192)
def tex_to_mathml(tex: str, display: bool) -> str:
    """MathML for `tex`; raises MathConversionError when the TeX cannot be read."""
    from latex2mathml.converter import convert  # loaded only when a post has math

    try:
        mathml = str(convert(prepare_tex(tex), display="block" if display else "inline"))
    except TexTooComplex as error:
        raise MathConversionError(str(error)) from error
    # latex2mathml signals bad input with many unrelated exception types.
    except Exception as error:
        name = type(error).__name__
        message = _READER_ERRORS.get(name) or str(error) or name
        raise MathConversionError(message) from error
    if _LOOSE_AMPERSAND in mathml:
        # A column separator outside any table would show as an '&' between symbols.
        raise MathConversionError("'&' outside an environment that makes columns")
    return sanitize_mathml(mathml)


def math_error_html(tex: str) -> str:
    """What a reader sees for a formula we could not convert: its TeX source."""
    return f'<code class="math-error">{escapeHtml(tex)}</code>'


def _bracket_math(state: StateInline, silent: bool) -> bool:
    """`\\(…\\)` inline math, and `\\[…\\]` display math on lines of its own."""
    src, pos = state.src, state.pos
    if src[pos] != "\\" or pos + 1 >= state.posMax or src[pos + 1] not in _BRACKETS:
        return False
    opener = src[pos + 1]
    # Past the last closer, no opener can find one: remembered, so that thousands of
    # unclosed `\[` cost one search, not one each (which grew with their square).
    closer_free = getattr(state, "math_closer_free", {})
    reach = (opener, state.posMax)  # link labels are parsed with a nearer end
    if pos >= closer_free.get(reach, state.posMax):
        return False
    end = src.find("\\" + _BRACKETS[opener], pos + 2, state.posMax)
    if end < 0:
        closer_free[reach] = pos
        state.math_closer_free = closer_free  # type: ignore[attr-defined]
        return False
    if not src[pos + 2 : end].strip():
        return False
    # `\[1\]` is also Markdown's escape for literal brackets, as in citations, so display
    # math is only taken where it stands alone: `\[` opens a line and `\]` closes one.
    if opener == "[" and not (
        _is_blank(src, src.rfind("\n", 0, pos) + 1, pos)
        and _is_blank(src, end + 2, _line_end(src, end + 2, state.posMax))
    ):
        return False
    if not silent:
        token = state.push("math_bracket" if opener == "[" else "math_bracket_inline", "math", 0)
        token.content = src[pos + 2 : end]
        token.markup = "\\" + opener
    state.pos = end + 2
    return True


def _spaced_math_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A `$$` block with blank lines in it, closed by a line ending in `$$` (kramdown)."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if not first.startswith("$$") or "$$" in first[2:]:
        return False
    blank = False
    # A stray `$$` must not swallow the post: the formula ends within a bounded reach,
    # and a heading or a fence ends the search.
    for line in range(start + 1, min(end, start + _MAX_BLOCK_LINES)):
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        if not text.strip():
            blank = True
            continue
        if text.startswith(("#", "```", "~~~")):
            return False
        if text.rstrip().endswith("$$"):
            if not blank:
                return False  # dollarmath's own rule reads a block without blank lines
            if not silent:
                token = state.push("math_block", "math", 0)
                token.block = True
                inner = state.src[
                    state.bMarks[start] + state.tShift[start] + 2 : state.eMarks[line]
                ]
                token.content = inner.rstrip()[:-2]
                token.markup = "$$"
                token.map = [start, line + 1]
            state.line = line + 1
            return True
    return False


def _dollars_at_start(md: MarkdownIt) -> Any:
    """dollarmath's inline rule, also at the very start of a paragraph.

    Its check for a digit before the opening `$` reads `src[pos - 1]`, which at position 0
    is the paragraph's last character: `$$x$$ costs 1` was not math. At 0 there is no
    character before; the check for a digit after the closing `$` is kept.
    """
    rule = next(r.fn for r in md.inline.ruler.__rules__ if r.name == "math_inline")
    at_start = math_inline_dollar(allow_space=False, allow_digits=True, allow_double=True)

    def run(state: StateInline, silent: bool) -> bool:
        if state.pos != 0:
            return bool(rule(state, silent))
        if not at_start(state, True):
            return False
        end, state.pos = state.pos, 0
        if end < len(state.src) and state.src[end].isdigit():
            return False
        return bool(at_start(state, silent))

    return run


def _line_end(src: str, start: int, limit: int) -> int:
    end = src.find("\n", start, limit)
    return limit if end < 0 else end


def _is_blank(src: str, start: int, end: int) -> bool:
    return not src[start:end].strip()


def _is_display(token: Token, siblings: list[Token]) -> bool:
    if token.type in ("math_block", "math_bracket"):
        return True
    if token.type == "math_inline_double":
        # kramdown: `$$…$$` inside a sentence is inline; on lines of its own it is display.
        index = next(i for i, t in enumerate(siblings) if t is token)
        return _line_edge(reversed(siblings[:index])) and _line_edge(iter(siblings[index + 1 :]))
    return False


def _line_edge(neighbours: Iterator[Token]) -> bool:
    """Whether only blanks and `<br>` stand between a token and its line's edge."""
    for neighbour in neighbours:
        if neighbour.type in ("softbreak", "hardbreak"):
            return True
        if neighbour.type == "text" and not neighbour.content.strip():
            continue
        if neighbour.type == "html_inline" and neighbour.content.lower().startswith("<br"):
            continue
        return False
    return True


def _convert_all(state: StateCore) -> None:
    if "$" not in state.src and "\\" not in state.src:
        return  # every kind of math starts with '$' or a backslash
    doc = document_state(state.env)
    first_line = doc.first_line if doc else 1
    for block in state.tokens:
        if block.type in MATH_TOKEN_TYPES:
            line = (block.map[0] if block.map else 0) + first_line
            _convert(block, True, line, doc)
        elif block.type == "inline" and block.children:
            line = (block.map[0] if block.map else 0) + first_line
            for child in block.children:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type in MATH_TOKEN_TYPES:
                    _convert(child, _is_display(child, block.children), line, doc)
                    line += child.content.count("\n")


def _convert(token: Token, display: bool, line: int, doc: DocumentState | None) -> None:
    tex = token.content.strip()
    try:
        token.meta["html"] = tex_to_mathml(tex, display)
    except MathConversionError as error:
        token.meta["html"] = math_error_html(tex)
        if doc is not None:
            doc.math_errors.append(MathError(line, tex, str(error)))
    # A wrapper the theme can scroll: wide formulas must not widen the page on phones.
    if token.block:
        token.meta["html"] = f'<div class="math-display">{token.meta["html"]}</div>\n'
    elif display:
        token.meta["html"] = f'<span class="math-display">{token.meta["html"]}</span>'


def _render_math(tokens: Sequence[Token], idx: int, env: MutableMapping[str, Any]) -> str:
    token = tokens[idx]
    html = token.meta.get("html")
    if html is None:  # the conversion rule was disabled: show the source
        html = math_error_html(token.content.strip())
    return keep_fragment(env, str(html))


def math_plugin(md: MarkdownIt) -> None:
    """Parse TeX math and render it as MathML (or as its TeX source when it is broken)."""
    md.use(
        dollarmath_plugin,
        allow_labels=False,
        # `$ 5` and `5$` are prices, not math: "from $5 to $10" stays text.
        allow_space=False,
        allow_digits=False,
        # A stray `$$` must not swallow the paragraphs that follow it.
        allow_blank_lines=False,
        # kramdown posts write inline math as `$$x$$` inside sentences.
        double_inline=True,
    )
    # A `$$` line never interrupts a paragraph (kramdown): inside one it may be the
    # closing `$$` of a formula opened lines before, and is read by the inline rule.
    block = next(r for r in md.block.ruler.__rules__ if r.name == "math_block")
    alt = [name for name in block.alt if name != "paragraph"]
    md.block.ruler.at("math_block", block.fn, {"alt": alt})
    md.block.ruler.before("math_block", "math_block_spaced", _spaced_math_block, {"alt": alt})
    md.inline.ruler.at("math_inline", _dollars_at_start(md))
    # Before "escape", which would otherwise read `\(` as an escaped parenthesis.
    md.inline.ruler.before("escape", "math_bracket", _bracket_math)
    md.core.ruler.push("math_to_mathml", _convert_all)
    for token_type in MATH_TOKEN_TYPES:
        md.add_render_rule(token_type, render_rule(_render_math))
