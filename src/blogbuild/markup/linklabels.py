"""Link labels (`[text]` of links and images) found in one walk, not one walk per bracket.

markdown-it's `parseLinkLabel` walks from a `[` to its `]`, or to the end of the paragraph
when there is none, and does so again for every `[` on the way: N unclosed `![` or `[`
cost N² steps. The walk from a `[` crosses every later bracket along the very path that
bracket's own walk would take (token skips are cached by position), so one walk with a
stack of open brackets answers for all of them; the answers are kept for the paragraph.
"""

from __future__ import annotations

from types import SimpleNamespace
from weakref import WeakKeyDictionary

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

# Per paragraph state: (end of the text, position of `[`) -> (position of its `]` or -1,
# whether a nested link lies between them).
Labels = dict[tuple[int, int], tuple[int, bool]]
_LABELS: WeakKeyDictionary[StateInline, Labels] = WeakKeyDictionary()


def link_labels_plugin(md: MarkdownIt) -> None:
    """Use the one-walk label parser for this parser's links and images."""
    helpers = md.helpers
    md.helpers = SimpleNamespace(  # type: ignore[assignment]
        parseLinkDestination=helpers.parseLinkDestination,
        parseLinkTitle=helpers.parseLinkTitle,
        parseLinkLabel=parse_link_label,
    )


def parse_link_label(state: StateInline, start: int, disableNested: bool = False) -> int:
    """Where the label opened by the `[` at `start` ends (markdown-it's parseLinkLabel)."""
    labels = _LABELS.get(state)
    if labels is None:
        labels = _LABELS[state] = {}
    key = (state.posMax, start)
    if key not in labels:
        _walk(state, start, labels)
    end, nested = labels[key]
    return -1 if disableNested and nested else end


def _walk(state: StateInline, start: int, labels: Labels) -> None:
    """Walk from the `[` at `start` to its `]`, recording every bracket opened on the way."""
    old_pos, end, src = state.pos, state.posMax, state.src
    state.pos = start + 1
    open_brackets = [(start, 0)]  # each `[` that is text, with the nested links seen before it
    nested = 0  # `[` that begin a token of their own (a link), so far
    while state.pos < end:
        marker = src[state.pos]
        if marker == "]":
            opened, seen = open_brackets.pop()
            labels[(end, opened)] = (state.pos, nested > seen)
            if not open_brackets:
                break
        before = state.pos
        state.md.inline.skipToken(state)
        if marker == "[":
            if before == state.pos - 1:
                open_brackets.append((before, nested))
            else:
                nested += 1
    for opened, seen in open_brackets:
        labels[(end, opened)] = (-1, nested > seen)
    state.pos = old_pos
