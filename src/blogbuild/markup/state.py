"""What the plugins learn about one document while it is parsed and rendered."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from blogbuild.model import Heading

_ENV_KEY = "blogbuild"


@dataclass(frozen=True, slots=True)
class MathError:
    """A formula that could not be converted to MathML; it is shown as TeX instead."""

    line: int
    tex: str
    message: str


class TrustedFragments:
    """HTML we generated ourselves, kept out of the sanitiser's way.

    When author HTML is sanitised, each fragment (MathML, highlighted code) is replaced by
    a placeholder before cleaning and put back afterwards, so the allow-list only has to
    cover what authors write. The placeholder carries a nonce derived from the source,
    so a document cannot contain a placeholder of its own.
    """

    def __init__(self, nonce: str | None) -> None:
        self._nonce = nonce
        self._items: list[str] = []
        # A tag holding placeholders (a site's shortcode that writes its content into an
        # attribute) is matched whole and they are dropped: cleaned HTML has no `<` or `>`
        # in attribute values, and fragments hold quotes that would end the attribute.
        self._placeholder = re.compile(rf"bbfrag{nonce}x(\d+)x")
        tag = rf"<[^<>]*{self._placeholder.pattern}[^<>]*>"
        self._pattern = re.compile(rf"{tag}|{self._placeholder.pattern}") if nonce else None

    def keep(self, html: str) -> str:
        """Return `html` itself, or a placeholder for it when the output gets sanitised."""
        if self._nonce is None:
            return html
        self._items.append(html)
        return f"bbfrag{self._nonce}x{len(self._items) - 1}x"

    def restore(self, html: str) -> str:
        """Put the kept fragments back in place of their placeholders."""
        if self._pattern is None or not self._items:
            return html
        return self._pattern.sub(self._restored, html)

    def _restored(self, found: re.Match[str]) -> str:
        if found.group(2) is None:  # a tag: the placeholders it holds are left out
            return self._placeholder.sub("", found.group())
        return self._items[int(found.group(2))]


@dataclass(slots=True)
class DocumentState:
    """Per-document data shared by the plugins through markdown-it's `env`."""

    first_line: int
    fragments: TrustedFragments
    language: str = "ru"  # of the site: titles the renderer writes (callouts) use it
    headings: list[Heading] = field(default_factory=list)
    math_errors: list[MathError] = field(default_factory=list)
    known_code: Mapping[str, str] = field(default_factory=dict)  # highlighted before
    code_html: dict[str, str] = field(default_factory=dict)  # highlighted blocks, by digest
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (file line, message)


def new_env(state: DocumentState) -> dict[str, Any]:
    """A markdown-it `env` that carries `state` to the plugins."""
    return {_ENV_KEY: state}


def document_state(env: MutableMapping[str, Any]) -> DocumentState | None:
    """The state a renderer put into `env`, or None when the plugins run on their own."""
    state = env.get(_ENV_KEY)
    return state if isinstance(state, DocumentState) else None


def keep_fragment(env: MutableMapping[str, Any], html: str) -> str:
    """Mark `html` as our own output so the sanitiser leaves it alone."""
    state = document_state(env)
    return state.fragments.keep(html) if state else html


@dataclass(frozen=True, slots=True)
class CommonMarkBlocks:
    """A rendered source's block tokens, known to be those plain CommonMark gives.

    That is CommonMark with GFM tables and strikethrough, the parser of `blogbuild check`,
    which can take these tokens instead of parsing the source again. Only the block
    tokens agree: their inline `children` are the renderer's (math, footnotes…).
    """

    source: str
    tokens: Sequence[Token]
    references: Mapping[str, Any]  # link reference definitions, from markdown-it's env


TokenRule = Callable[[Sequence[Token], int, MutableMapping[str, Any]], str]


def render_rule(rule: TokenRule) -> Callable[..., str]:
    """A markdown-it render rule made from a function of the tokens, the index and the env;
    markdown-it passes the renderer and its options too, which our rules never need."""

    def rendered(
        _renderer: Any,
        tokens: Sequence[Token],
        idx: int,
        _options: Any,
        env: MutableMapping[str, Any],
    ) -> str:
        return rule(tokens, idx, env)

    return rendered
