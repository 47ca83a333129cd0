"""Small changes to how images and tables come out, for pages read on phones."""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import OptionsDict


def _lazy_images(state: StateCore) -> None:
    if "![" not in state.src:
        return  # no image, nothing to walk
    for block in state.tokens:
        for child in block.children or ():
            if child.type == "image":
                # Below-the-fold images should not hold up the first paint.
                child.attrSet("loading", "lazy")
                child.attrSet("decoding", "async")


def _table_open(
    self: RendererProtocol,
    tokens: Sequence[Token],
    idx: int,
    options: OptionsDict,
    env: MutableMapping[str, Any],
) -> str:
    # The wrapper scrolls sideways so a wide table does not widen the whole page.
    return '<div class="table-wrap">\n' + str(self.renderToken(tokens, idx, options, env))  # type: ignore[attr-defined]


def _table_close(
    self: RendererProtocol,
    tokens: Sequence[Token],
    idx: int,
    options: OptionsDict,
    env: MutableMapping[str, Any],
) -> str:
    return str(self.renderToken(tokens, idx, options, env)) + "</div>\n"  # type: ignore[attr-defined]


def elements_plugin(md: MarkdownIt) -> None:
    """Lazy-loading images and horizontally scrollable tables."""
    md.core.ruler.push("lazy_images", _lazy_images)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
