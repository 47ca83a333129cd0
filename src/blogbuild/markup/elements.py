"""Small changes to how images and tables come out, for pages read on phones."""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from blogbuild.markup.state import TokenRule, render_rule


def _lazy_images(state: StateCore) -> None:
    if "![" not in state.src:
        return  # no image, nothing to walk
    for block in state.tokens:
        for child in block.children or ():
            if child.type == "image":
                # Below-the-fold images should not hold up the first paint.
                child.attrSet("loading", "lazy")
                child.attrSet("decoding", "async")


def elements_plugin(md: MarkdownIt) -> None:
    """Lazy-loading images and horizontally scrollable tables."""
    md.core.ruler.push("lazy_images", _lazy_images)

    def table(opening: bool) -> TokenRule:
        def rule(tokens: Sequence[Token], idx: int, env: MutableMapping[str, Any]) -> str:
            tag = str(md.renderer.renderToken(tokens, idx, md.options, env))  # type: ignore[attr-defined]
            # The wrapper scrolls sideways so a wide table does not widen the whole page.
            return '<div class="table-wrap">\n' + tag if opening else tag + "</div>\n"

        return rule

    md.add_render_rule("table_open", render_rule(table(True)))
    md.add_render_rule("table_close", render_rule(table(False)))
