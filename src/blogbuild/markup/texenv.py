"""TeX that latex2mathml cannot read, rewritten into what it can, and bounds on what it reads."""

from __future__ import annotations

import re

# latex2mathml turns align*, array, cases and the matrices into MathML tables, but
# reads aligned, gather, eqnarray and alignat as plain rows, showing each `&` as a symbol.
# MathJax numbers no equations by default, so neither do we (align is align*).
_ENVIRONMENT = re.compile(
    r"\\(begin|end)\s*\{(aligned|alignedat|alignat\*?|flalign\*?|align|gather\*?|gathered"
    r"|multline\*?|eqnarray\*?)\}(?:\{\d+\})?"
)
_AS = {"gather": "array", "multline": "array", "eqnarray": "array"}
_COLUMNS = {"gather": "{c}", "multline": "{c}", "eqnarray": "{rcl}"}
# MathJax reads `\color{red}{x}` as colouring x; latex2mathml, as TeX does, as a switch for
# the rest of the group, which swallows the `&` and `\\` after it. `{\color{red}x}` is
# the same colour for both.
_COLOR_ARGUMENT = re.compile(r"\\color\s*\{([^{}]*)\}\s*\{")
# A row that starts with `[` right after `\begin{cases}` would be read as an option.
_BRACKET_AFTER_BEGIN = re.compile(r"(\\begin\{(?:cases|[pbBvV]?matrix|align\*)\})(?=\s*\[)")
# A formula of a blog post is a few hundred characters; a longer or deeper one is broken
# input, and latex2mathml's recursive reader must not be handed it.
MAX_LENGTH = 5000
MAX_DEPTH = 40


class TexTooComplex(ValueError):
    """A formula longer or more deeply nested than any real one."""


def prepare_tex(tex: str) -> str:
    """`tex` with its environments in the forms latex2mathml makes tables of."""
    if len(tex) > MAX_LENGTH:
        raise TexTooComplex(f"the formula is longer than {MAX_LENGTH} characters")
    _check_depth(tex)
    if "\\begin" in tex:
        tex = _ENVIRONMENT.sub(_rename, tex)
        tex = _BRACKET_AFTER_BEGIN.sub(r"\1{}", tex)
    if "\\color" in tex:
        tex = _COLOR_ARGUMENT.sub(r"{\\color{\1}", tex)
    ampersand, newline = _top_level_breaks(tex)
    # Rows and columns outside any environment, as MathJax and KaTeX accept them.
    if ampersand:
        return "\\begin{align*}" + tex + "\\end{align*}"
    if newline:
        return "\\begin{array}{c}" + tex + "\\end{array}"
    return tex


def _rename(match: re.Match[str]) -> str:
    edge, name = match.group(1), match.group(2).rstrip("*")
    target = _AS.get(name, "align*")
    columns = _COLUMNS.get(name, "") if edge == "begin" else ""
    return f"\\{edge}{{{target}}}{columns}"


_NESTING = re.compile(r"\\(?:left|right|begin|end)\b|[{}]")


def _check_depth(tex: str) -> None:
    depth = deepest = 0
    # \left…\right and environments nest like braces in latex2mathml's recursive reader.
    for match in _NESTING.finditer(tex):
        token = match.group()
        if token in ("{", "\\left", "\\begin"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    if deepest > MAX_DEPTH:
        raise TexTooComplex(f"the formula is nested more than {MAX_DEPTH} levels deep")


def _top_level_breaks(tex: str) -> tuple[bool, bool]:
    """Whether `&` and `\\\\` occur outside every environment (escaped `\\&` aside)."""
    if "&" not in tex and "\\\\" not in tex:
        return False, False
    ampersand = newline = False
    depth = 0
    i, end = 0, len(tex)
    while i < end:
        char = tex[i]
        if char == "\\":
            following = tex[i + 1 : i + 2]
            if following == "\\":
                newline = newline or depth == 0
                i += 2
                continue
            if tex.startswith("begin", i + 1):
                depth += 1
            elif tex.startswith("end", i + 1):
                depth -= 1
            i += 2
            continue
        if char == "&" and depth == 0:
            ampersand = True
        i += 1
    return ampersand, newline
