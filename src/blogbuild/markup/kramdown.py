"""kramdown's attribute lists (`{: .class #id key="v"}`) applied as kramdown applies them."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from blogbuild.markup.kramdownblocks import TOC_TOKEN, kramdown_blocks_plugin

# An inline attribute list: `{: .center}`, `{:class="x"}`, `{: style="w: 1%;" #id}`, `{:toc}`.
# Each item is an atomic group: with the spaces between items optional, a run of letters
# could otherwise be split into items in 2^n ways, tried one by one when no `}` follows
# (`{: aaa…` of 25 letters took 10 s).
_IAL_RE = re.compile(
    r"""\{:\s*(?:(?>[.#][\w-]+|[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s}"']+))?)\s*)*\}"""
)
_ITEM_RE = re.compile(r"""([.#])([\w-]+)|([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s}"']+)))?""")
_LINE_IAL_RE = re.compile(rf"^\s*{_IAL_RE.pattern}\s*$")
_TOC_RE = re.compile(r"^[ \t]*\{:\s*toc\s*\}[ \t]*$", re.MULTILINE)
_BREAKS = ("softbreak", "hardbreak")
_HEADING_ID = re.compile(r"\s*\{#([\w-]+)\}\s*$")
# Span elements an attribute list written right after them applies to.
_SPAN_TARGETS = {
    "image": None, "code_inline": None, "link_close": "link_open", "em_close": "em_open",
    "strong_close": "strong_open", "s_close": "s_open",
}  # fmt: skip
Attributes = dict[str, str]


def parse_ial(text: str) -> Attributes:
    """The attributes of `{: .a .b #x key="v"}`: classes joined, the last id, key values."""
    found: Attributes = {}
    classes: list[str] = []
    for match in _ITEM_RE.finditer(text.strip()[2:-1]):
        marker, name, key = match.group(1), match.group(2), match.group(3)
        if marker == ".":
            classes.append(name)
        elif marker == "#":
            found["id"] = name
        elif key and match.group(0) != key:  # a bare word names an ALD: not supported
            value = next(v for v in match.group(4, 5, 6) if v is not None)
            if key == "class":
                classes.extend(value.split())
            else:
                found[key] = value
    if classes:
        found["class"] = " ".join(dict.fromkeys(classes))
    return found


def apply_attributes(token: Token, attributes: Attributes) -> None:
    """Set `attributes` on `token`; classes add to those it has."""
    for key, value in attributes.items():
        if key == "class" and token.attrGet("class"):
            value = f"{token.attrGet('class')} {value}"
        token.attrSet(key, value)


def _split_lines(children: list[Token]) -> list[list[Token]]:
    """Children grouped by source line; each group but the last ends with its break."""
    lines: list[list[Token]] = [[]]
    for child in children:
        lines[-1].append(child)
        if child.type in _BREAKS:
            lines.append([])
    return lines


def _whole_line_ial(line: list[Token]) -> str | None:
    """The attribute list a line consists of, if it is one; escapes are `text_special`."""
    body = [t for t in line if t.type not in _BREAKS]
    if not body or any(t.type != "text" for t in body):
        return None
    text = "".join(t.content for t in body)
    return text if _LINE_IAL_RE.match(text) else None


def _apply_span_ials(children: list[Token]) -> list[Token]:
    """`![x](a.png){: .center}`: an attribute list right after a span element applies to it;
    one after plain text is dropped."""
    kept: list[Token] = []
    i = 0
    while i < len(children):
        child = children[i]
        target = _span_target(kept)
        if child.type == "text" and child.content.startswith("{:") and target is not None:
            # Before text_join an attribute list is split over several plain `text` tokens.
            j, text = i, ""
            while j < len(children) and children[j].type == "text" and "}" not in text:
                text += children[j].content
                j += 1
            match = _IAL_RE.match(text)
            if match and target is not None:
                apply_attributes(target, parse_ial(match.group()))
                rest = text[match.end() :]
                if rest:
                    leftover = Token("text", "", 0)
                    leftover.content = rest
                    kept.append(leftover)
                i = j
                continue
        if child.type == "text" and "{:" in child.content:
            # After plain text kramdown ignores the list (with a warning); so do we.
            child.content = _IAL_RE.sub(_dropped, child.content)
        kept.append(child)
        i += 1
    return kept


def _dropped(match: re.Match[str]) -> str:
    return "" if any(char.isalpha() for char in match.group()) else match.group()


def _span_target(kept: list[Token]) -> Token | None:
    if not kept or kept[-1].type not in _SPAN_TARGETS:
        return None
    opening = _SPAN_TARGETS[kept[-1].type]
    if opening is None:
        return kept[-1]
    depth = 0
    for token in reversed(kept[:-1]):
        if token.type == kept[-1].type:
            depth += 1
        elif token.type == opening:
            if depth == 0:
                return token
            depth -= 1
    return None


def _apply_inline(tokens: list[Token], index: int) -> bool:
    """Attribute lists of the inline token at `index`; True when nothing else was in it."""
    inline = tokens[index]
    lines = _split_lines(inline.children or [])
    kept: list[list[Token]] = []
    leading: Attributes = {}
    trailing: Attributes = {}
    for number, line in enumerate(lines):
        ial = _whole_line_ial(line)
        if ial is None:
            kept.append(line)
        elif number == len(lines) - 1 or not kept:
            # The last line applies to the block before it; a first line to the block
            # after it, which is the rest of this paragraph.
            (trailing if kept else leading).update(parse_ial(ial))
        else:
            kept.append(line)  # not reached: _split_paragraphs ended the paragraph there
    flat = _apply_span_ials([t for line in kept for t in line])
    while flat and flat[-1].type in _BREAKS:  # the removed line was the last one
        flat.pop()
    inline.children = flat
    if not flat:
        _apply_to_neighbour(tokens, index, {**leading, **trailing})
        return True
    opening = tokens[index - 1] if index and tokens[index - 1].nesting == 1 else None
    if opening is not None and (leading or trailing):
        target = _owning_list(tokens, index - 1) if trailing and not leading else None
        apply_attributes(target or opening, {**leading, **trailing})
    return False


def _owning_list(tokens: list[Token], paragraph: int) -> Token | None:
    """The list whose last item ends with the paragraph at `paragraph`, if it is in one."""
    if paragraph < 1 or tokens[paragraph - 1].type != "list_item_open":
        return None
    level = tokens[paragraph - 1].level
    for j in range(paragraph + 1, len(tokens)):
        token = tokens[j]
        if token.type == "list_item_close" and token.level == level:
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if after is not None and after.type in ("bullet_list_close", "ordered_list_close"):
                return _matching_open(tokens, j + 1)
            return None
    return None


def _matching_open(tokens: list[Token], close_index: int) -> Token | None:
    closing = tokens[close_index]
    opening_type = closing.type.replace("_close", "_open")
    for j in range(close_index - 1, -1, -1):
        if tokens[j].type == opening_type and tokens[j].level == closing.level:
            return tokens[j]
    return None


def _apply_to_neighbour(tokens: list[Token], index: int, attributes: Attributes) -> None:
    """A paragraph that is only an attribute list: it applies to the block right before
    it or, failing that, right after it (no blank line between), as kramdown does."""
    if not attributes:
        return
    opening = tokens[index - 1]
    start, end = opening.map or (0, 0)
    before = index - 2  # the closing token of the block before the paragraph
    if before >= 0 and tokens[before].nesting == -1:
        previous = _matching_open(tokens, before)
        if previous is not None and previous.map and previous.map[1] == start:
            apply_attributes(previous, attributes)
            return
    after = index + 2
    following = tokens[after].map if after < len(tokens) else None
    if following and following[0] == end:
        apply_attributes(tokens[after], attributes)


def _replace_toc_lists(tokens: list[Token]) -> list[Token]:
    """kramdown replaces a list ending in `{:toc}` with the table of contents."""
    kept: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            close = _matching_close(tokens, i)
            if any(_TOC_RE.search(t.content) for t in tokens[i:close] if t.type == "inline"):
                toc = Token(TOC_TOKEN, "nav", 0)
                toc.block = True
                toc.map = token.map
                toc.attrs = dict(token.attrs)
                toc.info = "ol" if token.type == "ordered_list_open" else "ul"
                kept.append(toc)
                i = close + 1
                continue
        kept.append(token)
        i += 1
    return kept


def _matching_close(tokens: list[Token], open_index: int) -> int:
    opening = tokens[open_index]
    closing_type = opening.type.replace("_open", "_close")
    for j in range(open_index + 1, len(tokens)):
        if tokens[j].type == closing_type and tokens[j].level == opening.level:
            return j
    return len(tokens) - 1


def _heading_ids(tokens: list[Token]) -> None:
    """`## Title {#id}` (kramdown, Hugo, Pandoc): the id is the heading's, not its text."""
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or "{#" not in tokens[index + 1].content:
            continue
        children = tokens[index + 1].children or []
        tail = ""
        start = len(children)
        while start > 0 and children[start - 1].type == "text":
            start -= 1
            tail = children[start].content + tail
        match = _HEADING_ID.search(tail)
        if match is None:
            continue
        token.attrSet("id", match.group(1))
        text = Token("text", "", 0)
        text.content = tail[: match.start()]
        tokens[index + 1].children = children[:start] + ([text] if text.content else [])


def _split_paragraphs(tokens: list[Token]) -> list[Token]:
    """kramdown ends a paragraph at a line that is an attribute list (which applies to it):
    a paragraph with one in the middle becomes two."""
    result: list[Token] = []
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else None
        if not (
            token.type == "inline"
            and previous is not None
            and previous.type == "paragraph_open"
            and "{:" in token.content
        ):
            result.append(token)
            continue
        lines = _split_lines(token.children or [])
        cuts = [n for n, line in enumerate(lines[:-1]) if n and _whole_line_ial(line)]
        if not cuts:
            result.append(token)
            continue
        start = 0
        for cut in [*cuts, len(lines) - 1]:
            part = lines[start : cut + 1]
            inline = Token("inline", "", 0)
            inline.children = [t for line in part for t in line]
            while inline.children and inline.children[-1].type in _BREAKS:
                inline.children.pop()
            inline.content = "".join(t.content for t in inline.children)
            inline.level = token.level
            if previous.map:
                inline.map = [previous.map[0] + start, previous.map[0] + cut + 1]
            if start:  # a new paragraph begins
                closing, opening = (
                    Token("paragraph_close", "p", -1),
                    Token("paragraph_open", "p", 1),
                )
                opening.map, opening.level = inline.map, previous.level
                closing.level, closing.block, opening.block = previous.level, True, True
                result += [closing, opening]
            result.append(inline)
            start = cut + 1
    return result


def _apply_attribute_lists(state: StateCore) -> None:
    if "{#" in state.src:
        _heading_ids(state.tokens)
    if "{:" not in state.src:
        return
    tokens = state.tokens = _split_paragraphs(state.tokens)
    for index, token in enumerate(tokens):
        if "{:" not in token.content:
            continue
        if token.type == "inline" and token.children:
            _apply_inline(tokens, index)
        elif token.type == "html_block":
            # kramdown reads Markdown after a raw tag line; CommonMark keeps it in the block.
            lines = token.content.split("\n")
            token.content = "\n".join(ln for ln in lines if not _LINE_IAL_RE.match(ln))
    # The list that held `{:toc}` becomes the TOC, with the attributes given to the list.
    if _TOC_RE.search(state.src):
        tokens = _replace_toc_lists(tokens)
    # A paragraph that held nothing but an attribute list disappears with it.
    keep: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            token.type == "paragraph_open"
            and i + 2 < len(tokens)
            and tokens[i + 1].type == "inline"
            and "{:" in tokens[i + 1].content
            and not tokens[i + 1].children
        ):
            i += 3
            continue
        keep.append(token)
        i += 1
    state.tokens = keep


def kramdown_cleanup_plugin(md: MarkdownIt) -> None:
    """kramdown attribute lists, `{:toc}`, extensions, headerless tables, `markdown="1"`."""
    # Before text_join, so escaped braces can still be told apart from plain ones.
    md.core.ruler.before("text_join", "kramdown_attribute_lists", _apply_attribute_lists)
    kramdown_blocks_plugin(md)
