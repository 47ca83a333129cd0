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
    shift = 1 if any(t.type == "heading_open" and t.tag == "h1" for t in tokens) else 0
    if doc is not None:
        doc.heading_shift = shift
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
            level = min(6, int(token.tag[1]) + shift)
            doc.headings.append(Heading(level, heading_id, text, line))


def _render_shifted(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A heading's tag as the page shows it: one level deeper when the body has h1s."""
    token = tokens[idx]
    doc = document_state(env)
    shift = doc.heading_shift if doc else 0
    if not shift:
        return renderer.renderToken(tokens, idx, options, env)
    written = token.tag
    token.tag = f"h{min(6, int(written[1]) + shift)}"
    try:
        return renderer.renderToken(tokens, idx, options, env)
    finally:
        token.tag = written  # the tokens stay as written: the checker reads them


def heading_ids_plugin(md: MarkdownIt) -> None:
    """Give every heading an `id`, record it in the document state, and keep the title the
    page's only h1 (body h1 sections are shown as h2, and every level below one deeper)."""
    md.core.ruler.push("heading_ids", _assign_heading_ids)
    md.add_render_rule("heading_open", _render_shifted)
    md.add_render_rule("heading_close", _render_shifted)
