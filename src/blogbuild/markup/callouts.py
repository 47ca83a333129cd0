"""Callouts: GitHub alerts (`> [!NOTE]`) and MkDocs/Obsidian admonitions (`!!! note`)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from blogbuild.content.i18n import strings
from blogbuild.markup.state import document_state

# Each kind's look (one of GitHub's five) and the theme string of its title. MkDocs and
# Obsidian have more kinds; each is shown in the colour of its nearest GitHub kind.
_STYLE = {
    "note": "note", "tip": "tip", "important": "important", "warning": "warning",
    "caution": "caution", "info": "note", "abstract": "note", "summary": "note",
    "tldr": "note", "todo": "note", "example": "note", "question": "note", "help": "note",
    "faq": "note", "quote": "note", "cite": "note", "hint": "tip", "success": "tip",
    "check": "tip", "done": "tip", "attention": "warning", "failure": "caution",
    "fail": "caution", "missing": "caution", "danger": "caution", "error": "caution",
    "bug": "caution",
}  # fmt: skip
_TITLE = {
    "summary": "abstract", "tldr": "abstract", "todo": "note", "help": "question",
    "faq": "question", "cite": "quote", "hint": "tip", "check": "success", "done": "success",
    "attention": "warning", "fail": "failure", "missing": "failure", "error": "danger",
}  # fmt: skip
_ALERT = re.compile(r"^\[!([A-Za-z]+)\]([-+]?)[ \t]*(.*)$")
_ADMONITION = re.compile(r"""^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"]*)")?[ \t]*$""")
_INDENT = 4


def callout_title(kind: str, language: str) -> str:
    """The title shown when the author gave none: 'Примечание', 'Совет', …"""
    key = f"callout_{_TITLE.get(kind, kind)}"
    return strings(language).get(key) or kind.capitalize()


def _language(state: StateCore | StateBlock) -> str:
    doc = document_state(state.env)
    return doc.language if doc else "ru"


def _opening(tag: str, kind: str, level: int) -> Token:
    token = Token("callout_open", tag, 1)
    token.block = True
    token.attrSet("class", f"callout callout-{_STYLE.get(kind, 'note')}")
    token.level = level
    return token


def _title(tag: str, text: str, level: int, line: list[int] | None) -> list[Token]:
    opening = Token("callout_title_open", tag, 1)
    opening.attrSet("class", "callout__title")
    inline = Token("inline", "", 0)
    inline.content, inline.children, inline.map = text, [], line
    closing = Token("callout_title_close", tag, -1)
    for token in (opening, inline, closing):
        token.block = token.type != "inline"
        token.level = level
    return [opening, inline, closing]


def _github_alerts(state: StateCore) -> None:
    """A quote that starts with `[!NOTE]` (any kind, any case) is a callout of that kind."""
    if "[!" not in state.src:
        return
    tokens = state.tokens
    language = _language(state)
    for index, token in enumerate(tokens):
        if token.type != "blockquote_open" or index + 2 >= len(tokens):
            continue
        if tokens[index + 1].type != "paragraph_open" or tokens[index + 2].type != "inline":
            continue
        inline = tokens[index + 2]
        first, _, rest = inline.content.partition("\n")
        match = _ALERT.match(first)
        if match is None or match.group(1).lower() not in _STYLE:
            continue
        kind, fold, custom = match.group(1).lower(), match.group(2), match.group(3).strip()
        # Obsidian's `[!tip]-` folds the callout; GitHub's five never do.
        tag = "details" if fold else "div"
        close = _closing(tokens, index)
        opening = _opening(tag, kind, token.level)
        if fold == "+":
            opening.attrSet("open", "")
        title = _title("summary" if fold else "p", custom or callout_title(kind, language),
                       token.level + 1, inline.map)  # fmt: skip
        tokens[close].type, tokens[close].tag = "callout_close", tag
        inline.content = rest
        body = tokens[index + 1 : index + 4] if rest.strip() else []
        tokens[index : index + 4] = [opening, *title, *body]


def _closing(tokens: list[Token], index: int) -> int:
    level = tokens[index].level
    for j in range(index + 1, len(tokens)):
        if tokens[j].type == "blockquote_close" and tokens[j].level == level:
            return j
    return len(tokens) - 1


def _admonition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """`!!! note "Title"` and its lines indented by four spaces; `???` folds it."""
    if state.sCount[start] - state.blkIndent >= _INDENT:
        return False
    first = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _ADMONITION.match(first)
    if match is None:
        return False
    if silent:
        return True
    marker, kind, custom = match.group(1), match.group(2).lower(), match.group(3)
    indent = state.blkIndent + _INDENT
    last = start + 1
    line = start + 1
    while line < end:
        blank = state.bMarks[line] + state.tShift[line] >= state.eMarks[line]
        if not blank and state.sCount[line] < indent:
            break
        if not blank:
            last = line + 1
        line += 1
    tag = "div" if marker == "!!!" else "details"
    opening = _opening(tag, kind, state.level)
    if marker == "???+":
        opening.attrSet("open", "")
    opening.map = [start, last]
    state.tokens.append(opening)
    # An empty title (`!!! note ""`) hides it, as in MkDocs.
    if custom != "":
        text = custom if custom is not None else callout_title(kind, _language(state))
        state.tokens.extend(
            _title(
                "summary" if tag == "details" else "p", text, state.level + 1, [start, start + 1]
            )
        )
    old_indent, old_parent, old_max = state.blkIndent, state.parentType, state.lineMax
    state.blkIndent, state.parentType, state.lineMax = indent, "blockquote", last
    state.level += 1
    state.md.block.tokenize(state, start + 1, last)
    state.level -= 1
    state.blkIndent, state.parentType, state.lineMax = old_indent, old_parent, old_max
    state.push("callout_close", tag, -1)
    state.line = last
    return True


def callouts_plugin(md: MarkdownIt) -> None:
    """Render GitHub alerts and admonitions as titled callouts in the site's language."""
    md.block.ruler.before("fence", "admonition", _admonition, {"alt": ["paragraph"]})
    # After the blocks, before their inline content is parsed: the marker line goes.
    md.core.ruler.after("block", "github_alerts", _github_alerts)
