"""Pygments' RegexLexer loop with each state's rules picked by the character at hand.

A RegexLexer tries the rules of its current state in order at every position until one
matches; for Python that is some 37 failed `match` calls per token, most of Pygments'
time on a code block. Most rules can only match when the text at the position starts
with one of a few characters (a keyword, a quote, a digit). This module works out that
set for each rule from its parsed pattern, and at each position tries, still in order,
only the rules whose set holds the character there, or that have no known set. A rule
left out could not have matched, so the first rule that matches, and so every token, is
the one Pygments would produce.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from pygments.lexer import RegexLexer
from pygments.token import Error, Whitespace, _TokenType

# The parser behind `re` (public only as the deprecated sre_parse): it reads a pattern
# into the tree of opcodes that the first-character sets are worked out from.
_sre: Any = importlib.import_module("re._constants")
_sre_parse: Any = importlib.import_module("re._parser")

_MAX_RANGE = 512  # wider character ranges count as any character

Rule = tuple[Callable[[str, int], Any], Any, Any]


def _first_of_items(items: Any, flags: int) -> tuple[frozenset[str] | None, bool]:
    """(characters a match can start with or None for any, whether it can be empty)."""
    first: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of_item(op, av, flags)
        if chars is None:
            return None, False
        first |= chars
        if not nullable:
            return frozenset(first), False
    return frozenset(first), True


def _first_of_item(op: Any, av: Any, flags: int) -> tuple[frozenset[str] | None, bool]:
    ignore_case = bool(flags & re.IGNORECASE)
    if op is _sre.LITERAL:
        return (None, False) if ignore_case else (frozenset(chr(av)), False)
    if op is _sre.IN:
        if ignore_case:
            return None, False
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is _sre.LITERAL:
                chars.add(chr(item_av))
            elif item_op is _sre.RANGE and item_av[1] - item_av[0] < _MAX_RANGE:
                chars.update(map(chr, range(item_av[0], item_av[1] + 1)))
            else:  # NEGATE, CATEGORY, wide RANGE...
                return None, False
        return frozenset(chars), False
    if op is _sre.BRANCH:
        union: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars_or_any, empty = _first_of_items(branch, flags)
            if chars_or_any is None:
                return None, False
            union |= chars_or_any
            nullable = nullable or empty
        return frozenset(union), nullable
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        return _first_of_items(pattern, (flags | add_flags) & ~del_flags)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _high, pattern = av
        chars_or_any, empty = _first_of_items(pattern, flags)
        return chars_or_any, empty or low == 0
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _first_of_items(av, flags)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        # Zero-width: it can only rule positions out, so it is passed over.
        return frozenset(), True
    return None, False  # ANY, NOT_LITERAL, group references...


def first_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None when unknown or any."""
    return _first_characters(pattern.pattern, pattern.flags)


@lru_cache(maxsize=4096)
def _first_characters(source: str, flags: int) -> frozenset[str] | None:
    # Lexers share many patterns between states, and parsing them is the costly part.
    try:
        parsed = _sre_parse.parse(source, flags)
    except Exception:  # a pattern re compiled but this reading does not follow
        return None
    chars, nullable = _first_of_items(list(parsed), flags)
    return None if nullable else chars


def _first_of_rule(rule: Rule) -> frozenset[str] | None:
    pattern = getattr(rule[0], "__self__", None)  # rules hold a compiled pattern's match
    return first_characters(pattern) if isinstance(pattern, re.Pattern) else None


class _Dispatch:
    """For one state: the rules worth trying at a position, by the character there."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = tuple(rules)
        self._firsts = [_first_of_rule(rule) for rule in rules]
        self._by_char: dict[str, tuple[Rule, ...]] = {}

    def rules_for(self, char: str) -> tuple[Rule, ...]:
        found = self._by_char.get(char)
        if found is None:
            found = tuple(
                rule
                for rule, first in zip(self.rules, self._firsts, strict=True)
                if first is None or char in first
            )
            self._by_char[char] = found
        return found


def accelerate(lexer: Any) -> Any:
    """`lexer` lexing faster with the same tokens, when it is a plain RegexLexer."""
    if not isinstance(lexer, RegexLexer):
        return lexer
    if type(lexer).get_tokens_unprocessed is not RegexLexer.get_tokens_unprocessed:
        return lexer  # a lexer with a loop of its own
    tokendefs = lexer._tokens
    tables: dict[str, _Dispatch] = {}

    def table_of(state: str) -> _Dispatch:
        # Built when the lexer first enters a state: a code block visits few of them.
        table = tables.get(state)
        if table is None:
            table = tables[state] = _Dispatch(tokendefs[state])
        return table

    def get_tokens_unprocessed(
        text: str, stack: tuple[str, ...] = ("root",)
    ) -> Iterator[tuple[int, Any, str]]:
        # RegexLexer.get_tokens_unprocessed (Pygments 2.x), with the rules of a state
        # picked by `rules_for` instead of all of them.
        pos = 0
        end = len(text)
        statestack = list(stack)
        table = table_of(statestack[-1])
        while 1:
            candidates = table.rules_for(text[pos]) if pos < end else table.rules
            for rexmatch, action, new_state in candidates:
                m = rexmatch(text, pos)
                if m:
                    if action is not None:
                        if type(action) is _TokenType:
                            yield pos, action, m.group()
                        else:
                            yield from action(lexer, m)
                    pos = m.end()
                    if new_state is not None:
                        if isinstance(new_state, tuple):
                            for state in new_state:
                                if state == "#pop":
                                    if len(statestack) > 1:
                                        statestack.pop()
                                elif state == "#push":
                                    statestack.append(statestack[-1])
                                else:
                                    statestack.append(state)
                        elif isinstance(new_state, int):
                            if abs(new_state) >= len(statestack):
                                del statestack[1:]
                            else:
                                del statestack[new_state:]
                        elif new_state == "#push":
                            statestack.append(statestack[-1])
                        else:
                            raise AssertionError(f"wrong state def: {new_state!r}")
                        table = table_of(statestack[-1])
                    break
            else:
                try:
                    if text[pos] == "\n":
                        statestack = ["root"]
                        table = table_of("root")
                        yield pos, Whitespace, "\n"
                        pos += 1
                        continue
                    yield pos, Error, text[pos]
                    pos += 1
                except IndexError:
                    break

    lexer.get_tokens_unprocessed = get_tokens_unprocessed
    return lexer
