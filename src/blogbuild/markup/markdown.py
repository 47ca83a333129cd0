"""Markdown to HTML: CommonMark plus the extensions blog posts use, rendered at build time."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import partial
from itertools import pairwise
from typing import Any, TypedDict, Unpack

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from blogbuild.content.text import collapse_whitespace, count_words
from blogbuild.markup.callouts import callouts_plugin
from blogbuild.markup.elements import elements_plugin
from blogbuild.markup.headings import heading_ids_plugin
from blogbuild.markup.highlight import highlight_css, highlight_plugin
from blogbuild.markup.inlinelimit import inline_limit_plugin
from blogbuild.markup.kramdown import kramdown_cleanup_plugin
from blogbuild.markup.limits import check_html_depth, check_line_count
from blogbuild.markup.linklabels import link_labels_plugin
from blogbuild.markup.math import math_plugin
from blogbuild.markup.normalize import fast_normalize_plugin
from blogbuild.markup.sanitize import sanitize_html
from blogbuild.markup.sitedata import SiteData
from blogbuild.markup.sourcestate import Context
from blogbuild.markup.state import (
    CommonMarkBlocks,
    DocumentState,
    MathError,
    TrustedFragments,
    new_env,
)
from blogbuild.markup.tasklists import tasklists_plugin
from blogbuild.markup.templating import expand, expanded_env, has_templates, templating_plugin
from blogbuild.markup.textextract import first_paragraph, more_marker_index, tokens_plain_text
from blogbuild.model import CodeHtml, RenderedMarkdown

__all__ = ["CommonMarkBlocks", "MarkdownRenderer", "MathError", "highlight_css"]

# What makes the dialect's block tokens differ from plain CommonMark's: footnotes (their
# definitions are blocks, and a footnote block is added at the end), kramdown attribute
# lists (paragraphs and lists dropped). Task list items differ only in a class attribute.
# The last plugin with blocks of its own, $$ display math, shows in the tokens. Liquid and
# shortcodes change the source itself: a source they changed is not the post's.
_NOT_COMMONMARK = ("[^", "^[", "{:", "markdown=")
# Blocks of the dialect that CommonMark reads otherwise: math, callouts, kramdown's TOC.
_DIALECT_BLOCKS = frozenset({"math_block", "math_block_label", "callout_open", "kramdown_toc"})
# The rules that reasoning was made for. Core rules not named in it only set attributes,
# meta or children (heading ids, MathML, lazy images). A parser with any other rule list
# offers no blocks, so a new plugin cannot make the checker read tokens unlike its own.
_COMMONMARK_BLOCK_RULES = (
    "table", "kramdown_table", "code", "math_block_spaced", "math_block", "kramdown_extension",
    "admonition", "fence", "blockquote", "hr", "list", "footnote_def", "reference",
    "kramdown_markdown_html", "kramdown_span_line", "html_block", "heading", "lheading",
    "paragraph",
)  # fmt: skip
_CORE_RULES = (
    "normalize", "block", "template_lines", "github_alerts", "inline", "github-tasklists",
    "footnote_tail", "kramdown_attribute_lists", "text_join", "template_fragments",
    "math_to_mathml", "heading_ids", "lazy_images",
)  # fmt: skip


def build_markdown_it() -> MarkdownIt:
    """The parser with blogbuild's dialect: CommonMark, GFM tables and more, math, code."""
    md = MarkdownIt(
        "commonmark",
        # xhtmlOut off: HTML5 output (`<br>`), the same whether or not it is sanitised.
        {"html": True, "linkify": False, "typographer": False, "xhtmlOut": False},
    )
    md.enable(["table", "strikethrough"])
    md.use(inline_limit_plugin)
    md.use(link_labels_plugin)
    md.use(fast_normalize_plugin)
    md.use(footnote_plugin)
    md.use(tasklists_plugin)
    md.use(math_plugin)
    md.use(kramdown_cleanup_plugin)
    md.use(callouts_plugin)
    md.use(heading_ids_plugin)
    md.use(highlight_plugin)
    md.use(elements_plugin)
    md.use(templating_plugin)
    return md


_DEEPEST = 16  # shortcodes within shortcodes; deeper is a mistake, not a design


class RenderOptions(TypedDict, total=False):
    """How to render one source: `first_line` is the file line where it starts (for
    headings and warnings); `known_code` holds code blocks highlighted before, which are
    reused; `site` and `page` are what its Liquid and shortcodes read."""

    first_line: int
    known_code: CodeHtml
    site: SiteData | None
    page: Mapping[str, Any] | None
    html_body: bool  # the source is HTML (a Jekyll or Hugo `.html` post): not Markdown


class MarkdownRenderer:
    """Renders post bodies; make one and reuse it, building the parser is the slow part."""

    def __init__(self, *, trusted_html: bool = False, language: str = "ru") -> None:
        self.trusted_html = trusted_html
        self.language = language
        self._md = build_markdown_it()
        # The block tokens of the last source rendered, when they are CommonMark's: the
        # checker reads them instead of parsing the same source again.
        self.last_blocks: CommonMarkBlocks | None = None
        self._offers_blocks = (
            tuple(self._md.block.ruler.get_active_rules()) == _COMMONMARK_BLOCK_RULES
            and tuple(self._md.core.ruler.get_active_rules()) == _CORE_RULES
        )
        self._depth = 0  # of shortcodes rendering their content (see _render_inner)

    def render(self, source: str, **options: Unpack[RenderOptions]) -> RenderedMarkdown:
        """Render `source` (see RenderOptions). Raises limits.TooComplex for content beyond
        what can be rendered in reasonable time."""
        return self.render_with_math_errors(source, **options)[0]

    def render_with_math_errors(
        self, source: str, **options: Unpack[RenderOptions]
    ) -> tuple[RenderedMarkdown, tuple[MathError, ...]]:
        """Like `render`, also returning the formulas that were shown as TeX source."""
        return self._render(source, **options)

    def _render(
        self,
        source: str,
        *,
        first_line: int = 1,
        known_code: CodeHtml = (),
        site: SiteData | None = None,
        page: Mapping[str, Any] | None = None,
        within: TrustedFragments | None = None,
        html_body: bool = False,
    ) -> tuple[RenderedMarkdown, tuple[MathError, ...]]:
        """`within`: the fragments of the post whose shortcode content this is."""
        doc = DocumentState(
            first_line,
            within or TrustedFragments(self._nonce(source)),
            self.language,
            known_code=dict(known_code),
        )
        env = new_env(doc)
        check_line_count(source)
        templates = None
        written = source
        if has_templates(source):
            templates = Context(site or SiteData(), page or {})
            templates.render_markdown = partial(self._render_inner, templates, doc.fragments)
            expanded = expand(source, templates, self._md)
            expanded_env(env, expanded)
            source = expanded.source
        tokens = _html_tokens(source) if html_body else self._md.parse(source, env)
        self.last_blocks = None
        if (
            self._offers_blocks and source == written and not html_body
        ):  # no Liquid or shortcode changed it
            self.last_blocks = _commonmark_blocks(source, tokens, env)

        # Shortcode content keeps the post's placeholders: its HTML is sanitised again
        # with the post's, and our own fragments must not be cleaned as author HTML.
        to_html = partial(self._to_html, env=env, doc=doc, restore=within is None)
        more = more_marker_index(tokens)
        if more is not None:
            excerpt_tokens = tokens[:more]
            excerpt_html = to_html(excerpt_tokens)
            html = excerpt_html + to_html(tokens[more + 1 :])
            body_tokens = excerpt_tokens + tokens[more + 1 :]
        else:
            html = to_html(tokens)
            span = first_paragraph(tokens)
            excerpt_tokens = tokens[span[0] : span[1]] if span else []
            excerpt_html = to_html(excerpt_tokens) if span else ""
            body_tokens = tokens

        plain_text = tokens_plain_text(body_tokens)
        rendered = RenderedMarkdown(
            html=html,
            headings=tuple(doc.headings),
            excerpt_html=excerpt_html,
            excerpt_text=collapse_whitespace(tokens_plain_text(excerpt_tokens)),
            plain_text=plain_text,
            word_count=count_words(plain_text),
            code_html=tuple(sorted(doc.code_html.items())),
            warnings=(*_template_warnings(templates, first_line), *doc.warnings),
            references=tuple(sorted(templates.references.items())) if templates else (),
        )
        return rendered, tuple(doc.math_errors)

    def _render_inner(
        self, context: Context, fragments: TrustedFragments, text: str, inline: bool, line: int
    ) -> str:
        """A shortcode's inner Markdown (from 0-based `line`) as sanitised HTML holding the
        placeholders of the post's `fragments`; its warnings are kept."""
        if self._depth >= _DEEPEST:
            context.warn(line, f"shortcodes nested more than {_DEEPEST} deep; shown as text")
            return escapeHtml(text)
        self._depth += 1
        try:
            rendered, _ = self._render(
                text, first_line=line + 1, site=context.site, page=context.page, within=fragments
            )
        finally:
            self._depth -= 1
        context.warnings += [(number - 1, message) for number, message in rendered.warnings]
        context.references.update(rendered.references)
        html = rendered.html.strip()
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return html

    def _nonce(self, source: str) -> str | None:
        if self.trusted_html:
            return None
        return hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()

    def _to_html(
        self, tokens: Sequence[Token], env: dict[str, object], doc: DocumentState, restore: bool
    ) -> str:
        html = str(self._md.renderer.render(tokens, self._md.options, env))
        if self.trusted_html:
            return html
        # Sanitised as a whole, not token by token: an inline `<span>` and its `</span>`
        # are separate tokens, and cleaning each alone would break the pair.
        check_html_depth(html)
        clean = sanitize_html(html)
        return doc.fragments.restore(clean) if restore else clean


def _html_tokens(source: str) -> list[Token]:
    """An HTML body as one raw block: as its generator does, no Markdown is read in it."""
    block = Token("html_block", "", 0, content=source.rstrip("\n") + "\n", block=True)
    block.map = [0, source.count("\n") + 1]
    return [block]


def _commonmark_blocks(
    source: str, tokens: list[Token], env: dict[str, object]
) -> CommonMarkBlocks | None:
    if any(_unescaped(source, marker) for marker in _NOT_COMMONMARK):
        return None
    if any(token.type in _DIALECT_BLOCKS for token in tokens):
        return None
    # A table without a header row is kramdown's; CommonMark reads its rows as a paragraph.
    if any(a.type == "table_open" and b.type == "tbody_open" for a, b in pairwise(tokens)):
        return None
    references = env.get("references")
    return CommonMarkBlocks(source, tokens, references if isinstance(references, dict) else {})


def _unescaped(source: str, marker: str) -> bool:
    """Whether `marker` occurs in `source` other than after a backslash (which makes its
    first character literal: a plain-text post escapes every `[` and `{:`). A run of
    backslashes too long to count is taken to leave it unescaped."""
    at = source.find(marker)
    while at >= 0:
        run = 0
        while run < _COUNTED and at > run and source[at - run - 1] == "\\":
            run += 1
        if run % 2 == 0 or run == _COUNTED:
            return True
        at = source.find(marker, at + 1)
    return False


_COUNTED = 64


def _template_warnings(context: Context | None, first_line: int) -> tuple[tuple[int, str], ...]:
    if context is None:
        return ()
    return tuple((first_line + line, message) for line, message in context.warnings)
