"""Anchor ids for headings: readable in Russian, unique within a page, never empty."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from blogbuild.markup.state import document_state
from blogbuild.model import Heading

FALLBACK_ID = "section"

# GitHub's rule, which Jekyll's kramdown (GFM input) and Hugo's goldmark follow too, so links
# written against any of them find their heading: everything that is not a letter, digit,
# mark, space, hyphen or underscore is dropped (Cyrillic and other scripts stay), and each
# space becomes a hyphen, runs and ends included (`MoCo & MoCo-V2` -> `moco--moco-v2`).
_DROP_RE = re.compile(r"[^\w\s-]")
_SPACE_RE = re.compile(r"\s")


def slugify_heading(text: str) -> str:
    """`## Что такое GAN?` -> `что-такое-gan`; may return '' for text without letters."""
    return _SPACE_RE.sub("-", _DROP_RE.sub("", text.lower()))


def inline_plain_text(children: list[Token] | None) -> str:
    """The visible text of an inline token's children, without markup."""
    parts: list[str] = []
    for child in children or ():
        if child.type in ("text", "code_inline", "text_special"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(inline_plain_text(child.children))
        elif child.type.startswith("math_"):
            parts.append(child.content)
    return "".join(parts)


class UniqueIds:
    """Hands out ids, adding -1, -2… to repeats."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        # The N of the last `base-N` handed out for each base: every smaller one is taken,
        # so the next search starts after it (not at 1, which is quadratic in repeats).
        self._last: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        """`wanted` if still free, else the first free `wanted-N`."""
        base = wanted or FALLBACK_ID
        n = self._last.get(base, 0)
        candidate = base if n == 0 else f"{base}-{n}"
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        self._last[base] = n
        return candidate


def _assign_heading_ids(state: StateCore) -> None:
    doc = document_state(state.env)
    first_line = doc.first_line if doc else 1
    ids = UniqueIds()
    tokens = state.tokens
    _outline(tokens)
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        written = inline_plain_text(inline.children)
        text = " ".join(written.split())
        # An id the author gave (`{#id}`, `{: #id}`) is kept, unless already taken. The
        # text as written makes it: `# <a id="x"></a> Title` is `-title` on GitHub and Hugo.
        heading_id = ids.claim(str(token.attrGet("id") or "") or slugify_heading(written))
        token.attrSet("id", heading_id)
        if doc is not None:
            line = token.map[0] + first_line if token.map else None
            doc.headings.append(Heading(token.meta[_SHOWN], heading_id, text, line))


# The level a heading is shown at, in its tokens' `meta`: the tokens keep the level as
# written, which the checker reads.
_SHOWN = "shown_level"


def _outline(tokens: Sequence[Token]) -> None:
    """The levels the page shows: the title is its only h1, so the body's top level is h2,
    and a heading is at most one level below the one it is under (`###` under `#` is
    shown as h3), so the outline skips no level whatever the author's levels were."""
    # (written level, shown level) of the headings the current one may be under
    above: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        written = int(token.tag[1])
        while above and above[-1][0] >= written:
            above.pop()
        shown = min(6, above[-1][1] + 1 if above else 2)
        above.append((written, shown))
        token.meta[_SHOWN] = shown
        for close in tokens[i + 1 :]:
            if close.type == "heading_close":
                close.meta[_SHOWN] = shown
                break


def _render_shown(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A heading's tag at the level the page shows it (see `_outline`)."""
    token = tokens[idx]
    shown = token.meta.get(_SHOWN)
    written = token.tag
    if shown is None or f"h{shown}" == written:
        return renderer.renderToken(tokens, idx, options, env)
    token.tag = f"h{shown}"
    try:
        return renderer.renderToken(tokens, idx, options, env)
    finally:
        token.tag = written  # the tokens stay as written: the checker reads them


def heading_ids_plugin(md: MarkdownIt) -> None:
    """Give every heading an `id`, record it in the document state, and show the headings
    as an outline under the title, the page's only h1, that skips no level."""
    md.core.ruler.push("heading_ids", _assign_heading_ids)
    md.add_render_rule("heading_open", _render_shown)
    md.add_render_rule("heading_close", _render_shown)
