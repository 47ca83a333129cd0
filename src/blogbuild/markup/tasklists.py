"""GFM task lists (`- [ ] a`, `- [x] b`) as disabled checkboxes, in one pass over the tokens.

The output is mdit-py-plugins' `tasklists_plugin` with `label=True` (the item's text is
its checkbox's label, so a screen reader says what is done), token for token but for the
item's inline token, which keeps its `[ ]`. That plugin looks for each item's list
by walking back from the item, so a list of N task items cost N² steps (20,000: 37 s).
Here the last token seen at each nesting level is kept, which is the same answer found in
one step.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

RULE = "github-tasklists"
# `[ ]`, `[x]` or `[X]` and GFM whitespace: markdown-it has trimmed the item's indent.
_TODO = re.compile(r"\[[ xX]][ \t\n\v\f\r]+")
_BOXES = ("[ ]", "[x]", "[X]")
_UNCHECKED = '<input class="task-list-item-checkbox" disabled="disabled" type="checkbox">'
_CHECKED = (
    '<input class="task-list-item-checkbox" checked="checked" disabled="disabled" type="checkbox">'
)


def tasklists_plugin(md: MarkdownIt) -> None:
    """Turn list items that start with `[ ]`, `[x]` or `[X]` into task items."""
    md.core.ruler.after("inline", RULE, _task_lists)


def _task_lists(state: StateCore) -> None:
    if not any(box in state.src for box in _BOXES):
        return
    tokens = state.tokens
    # The index of the last token at each level, for tokens before the current one.
    last_at: dict[int, int] = {}
    for i, token in enumerate(tokens):
        if 2 <= i < len(tokens) - 1 and _is_todo(tokens, i):
            _todoify(token)
            item = tokens[i - 2]
            item.attrSet("class", "task-list-item")
            # The list that holds the item: the nearest token before it one level up
            # (the plugin's walk back; -1, the last token, when there is none).
            parent = last_at.get(item.level - 1, -1)
            if parent >= i - 2:  # only tokens before the item count
                parent = -1
            tokens[parent].attrSet("class", "contains-task-list")
        last_at[token.level] = i


def _is_todo(tokens: list[Token], i: int) -> bool:
    return (
        tokens[i].type == "inline"
        and tokens[i - 1].type == "paragraph_open"
        and tokens[i - 2].type == "list_item_open"
        and _TODO.match(tokens[i].content) is not None
    )


def _todoify(token: Token) -> None:
    assert token.children is not None
    checkbox = _html_inline("")
    if token.content.startswith("[ ] "):
        checkbox.content = _UNCHECKED
    elif token.content.startswith(("[x] ", "[X] ")):
        checkbox.content = _CHECKED
    token.children.insert(0, checkbox)
    token.children[1].content = token.children[1].content[3:]
    token.children.insert(0, _html_inline("<label>"))
    token.children.append(_html_inline("</label>"))
    # The inline token keeps its source text (upstream cuts the box off it too): the page
    # is made of the children, and with block tokens as CommonMark makes them the checker
    # reads this parse instead of making its own.


def _html_inline(html: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = html
    return token
