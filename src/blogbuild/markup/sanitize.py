"""The allow-list for HTML that authors write in posts, applied with nh3."""

from __future__ import annotations

import nh3

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CLASSED = ("span", "div", "p", "code", "pre", "sup", "sub", "kbd", "mark", "abbr")
_TABLE = ("table", "thead", "tbody", "tfoot", "tr", "caption", "colgroup", "col")
_PLAIN = (
    "br", "hr", "em", "strong", "b", "i", "s", "del", "ins", "u", "q", "small", "cite",
    "ul", "ol", "li", "blockquote", "figure", "figcaption", "details", "summary",
    "img", "iframe", "a", "section", "input", "dl", "dt", "dd", "th", "td",
)  # fmt: skip

ALLOWED_TAGS = frozenset((*_HEADINGS, *_CLASSED, *_TABLE, *_PLAIN))

# Everything markdown-it and its plugins emit must be here too, because the whole body
# (author HTML and Markdown output alike) goes through the cleaner in one piece.
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: {"id"} for tag in _HEADINGS},
    **{tag: {"class"} for tag in _CLASSED},
    # id and <a name>: anchors that in-page links of older posts point at.
    "div": {"class", "style", "id"},
    "p": {"class", "style"},
    "span": {"class", "style", "id"},
    "abbr": {"class", "title"},
    "a": {"href", "title", "id", "class", "name"},
    "img": {"src", "alt", "title", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "frameborder", "title"},
    "figure": {"class", "id"},
    "th": {"colspan", "rowspan", "align", "style"},
    "td": {"colspan", "rowspan", "align", "style"},
    "table": {"class"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "class", "type", "reversed"},
    "ul": {"class"},
    "li": {"id", "class"},  # task list items and footnotes
    "sup": {"class", "id"},
    "section": {"class"},
    "hr": {"class"},
    "details": {"open"},
    "input": {"class", "checked", "disabled"},
}
# The only input a post gets is the checkbox of a task list.
_TAG_ATTRIBUTE_VALUES = {"input": {"type": {"checkbox"}}}
# Table alignment from Markdown arrives as `style="text-align:…"`; authors size images
# and colour words. Nothing that can move or overlay content (position, display…).
_STYLE_PROPERTIES = {"text-align", "width", "max-width", "height", "color", "background-color"}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Embedded frames may only load web pages (relative to the scheme or absolute)."""
    if tag == "iframe" and attribute == "src":
        return value if value.lower().startswith(("https://", "http://", "//")) else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=None,
    tag_attribute_values=_TAG_ATTRIBUTE_VALUES,
    url_schemes=_URL_SCHEMES,
    filter_style_properties=_STYLE_PROPERTIES,
)


def sanitize_html(html: str) -> str:
    """`html` with everything outside the allow-list removed (scripts with their content)."""
    return str(_CLEANER.clean(html))


# What latex2mathml emits. It copies the argument of `\text{…}` into the output without
# escaping and turns `\href` into an attribute, so its output is cleaned like author HTML.
MATHML_TAGS = frozenset(
    {
        "math", "mrow", "mi", "mn", "mo", "mtext", "ms", "mspace", "msup", "msub",
        "msubsup", "mfrac", "msqrt", "mroot", "mstyle", "mpadded", "mphantom", "menclose",
        "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mmultiscripts",
        "mprescripts", "none", "semantics", "annotation", "merror",
    }
)  # fmt: skip
MATHML_ATTRIBUTES = frozenset(
    {
        "xmlns", "display", "mathvariant", "mathcolor", "mathbackground", "mathsize",
        "stretchy", "fence", "separator", "form", "lspace", "rspace", "width", "height",
        "depth", "voffset", "linethickness", "linebreak", "notation", "movablelimits",
        "accent", "accentunder", "displaystyle", "scriptlevel", "minsize", "maxsize",
        "largeop", "symmetric", "columnalign", "columnlines", "columnspacing", "rowalign",
        "rowlines", "rowspacing", "frame", "columnspan", "rowspan", "side", "encoding",
    }
)  # fmt: skip

_MATHML_CLEANER = nh3.Cleaner(
    tags=set(MATHML_TAGS),
    clean_content_tags={"script", "style"},
    attributes={"*": set(MATHML_ATTRIBUTES)},
    strip_comments=True,
    link_rel=None,
    url_schemes=set(),
)


def sanitize_mathml(mathml: str) -> str:
    """`mathml` limited to MathML elements and presentation attributes (no links)."""
    return str(_MATHML_CLEANER.clean(mathml))
