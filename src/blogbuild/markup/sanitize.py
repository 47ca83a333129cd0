"""The allow-list for HTML that authors write in posts, applied with nh3."""

from __future__ import annotations

import re

import nh3

from blogbuild.content.safeurl import is_link_url, is_media_srcset, is_media_url
from blogbuild.markup.limits import split_long_text

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CLASSED = (
    "span", "div", "p", "code", "pre", "sup", "sub", "kbd", "mark", "abbr", "em", "strong",
    "aside",
)  # fmt: skip
_TABLE = ("table", "thead", "tbody", "tfoot", "tr", "caption", "colgroup", "col")
_PLAIN = (
    "br", "hr", "b", "i", "s", "del", "ins", "u", "q", "small", "cite",
    "ul", "ol", "li", "blockquote", "figure", "figcaption", "details", "summary",
    "img", "iframe", "a", "section", "input", "label", "dl", "dt", "dd", "th", "td",
)  # fmt: skip
# Podcast players and screencasts: the media elements, without autoplay or scripting.
_MEDIA = ("audio", "video", "source", "track", "picture")
_PLAYER = {"src", "controls", "preload", "loop", "muted", "class", "width", "height"}

ALLOWED_TAGS = frozenset((*_HEADINGS, *_CLASSED, *_TABLE, *_PLAIN, *_MEDIA))

# Everything markdown-it and its plugins emit must be here too, because the whole body
# (author HTML and Markdown output alike) goes through the cleaner in one piece.
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: {"id"} for tag in _HEADINGS},
    **{tag: {"class"} for tag in _CLASSED},
    # id and <a name>: anchors that in-page links of older posts point at.
    "div": {"class", "style", "id"},
    # ids too: kramdown's `{: #id}` gives blocks anchors that links point at.
    "p": {"class", "style", "id"},
    "span": {"class", "style", "id"},
    "abbr": {"class", "title"},
    # target and rel: the figure shortcode's `link` opens where Hugo's does.
    "a": {"href", "title", "id", "class", "name", "target", "rel"},
    "img": {"src", "alt", "title", "width", "height", "srcset", "sizes", "loading", "decoding"}
    | {"class", "id", "style"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "frameborder", "title"},
    "audio": _PLAYER,
    "video": {*_PLAYER, "poster", "playsinline"},
    "source": {"src", "srcset", "type", "media", "sizes", "width", "height"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "picture": set(),
    "figure": {"class", "id"},
    "th": {"colspan", "rowspan", "align", "style"},
    "td": {"colspan", "rowspan", "align", "style"},
    "table": {"class", "id"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "class", "type", "reversed", "id"},
    "ul": {"class", "id"},
    "li": {"id", "class"},  # task list items and footnotes
    "sup": {"class", "id"},
    "section": {"class"},
    "hr": {"class"},
    "details": {"open", "class"},
    "summary": {"class"},
    "input": {"class", "checked", "disabled"},
}
# The only input a post gets is the checkbox of a task list.
_TAG_ATTRIBUTE_VALUES = {"input": {"type": {"checkbox"}}}
# Table alignment from Markdown arrives as `style="text-align:…"`; authors size images
# and colour words. Nothing that can move or overlay content (position, display…).
_STYLE_PROPERTIES = frozenset(
    {"text-align", "width", "max-width", "height", "color", "background-color"}
)
# A value of those properties is words, numbers, units, colours and rgb()/hsl(): never
# url(), expression(), escapes or comments, which old browsers ran as script.
_STYLE_VALUE = re.compile(r"(?:[#\w.%+-]+|(?:rgba?|hsla?)\([\w\s.,%/+-]*\)|\s+)+", re.ASCII)
# `data:` is let through nh3 for inline images; `_filter_attribute` keeps it to media.
_URL_SCHEMES = {"http", "https", "mailto", "tel", "data"}
_MEDIA_SOURCES = frozenset({("img", "src"), ("video", "poster"), ("source", "src")})
# Features a video or slide embed needs; camera, microphone, geolocation, payment… are not.
SAFE_FRAME_FEATURES = frozenset(
    {"fullscreen", "picture-in-picture", "encrypted-media", "autoplay", "clipboard-write"}
)
# Added to every frame after cleaning (nh3 would add them in a random order): a frame
# loads when scrolled to and tells the embedded site no more than our origin.
_FRAME_DEFAULTS = ' loading="lazy" referrerpolicy="strict-origin-when-cross-origin"'
# A frame with its content: the parser takes everything after `<iframe>` up to the first
# `</iframe>` as raw text, which is written out unescaped. Browsers never show it, and an
# unclosed frame would carry HTML (an embed's `</iframe>` ending it early) past the
# cleaner, so it is dropped. The cleaner escapes `<` in attributes and text elsewhere,
# so `<iframe` in its output starts a real frame, and raw text cannot hold `</iframe>`.
_FRAME = re.compile(r"(<iframe\b[^>]*)>.*?</iframe>", re.S)
_FRAME_SET = re.compile(r'\s(?:loading|referrerpolicy)="[^"]*"')


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """URLs limited to what their attribute may load; style and frame features to safe ones."""
    if attribute == "style":
        return clean_style(value)
    if attribute == "srcset":
        return value if is_media_srcset(value) else None
    if (tag, attribute) in _MEDIA_SOURCES:
        return value if is_media_url(value) else None
    if attribute == "src":
        # Frames, players and subtitles load pages or files from the web, never data: URLs.
        return value if is_media_url(value, inline_images=False) else None
    if attribute == "href":
        return value if is_link_url(value) else None
    if tag == "iframe" and attribute == "allow":
        return clean_frame_features(value)
    return value


def clean_style(style: str) -> str | None:
    """The declarations of `style` whose property and value are on the allow-list."""
    kept = []
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip()
        safe = _STYLE_VALUE.fullmatch(value) and "expression" not in value.lower()
        if colon and name in _STYLE_PROPERTIES and safe:
            kept.append(declaration.strip())
    return ";".join(kept) or None


def clean_frame_features(allow: str) -> str | None:
    """An iframe's `allow` policy keeping only the features on the safe list."""
    kept = [
        directive.strip()
        for directive in allow.split(";")
        if directive.split()[:1] and directive.split()[0].lower() in SAFE_FRAME_FEATURES
    ]
    return "; ".join(kept) or None


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=None,
    tag_attribute_values=_TAG_ATTRIBUTE_VALUES,
    url_schemes=_URL_SCHEMES,
)


def sanitize_html(html: str) -> str:
    """`html` with everything outside the allow-list removed (scripts with their content)."""
    clean = str(_CLEANER.clean(split_long_text(html)))
    if "<iframe" not in clean:
        return clean
    # The cleaner's output quotes and escapes every attribute, so a tag ends at its first '>'.
    return _FRAME.sub(
        lambda frame: _FRAME_SET.sub("", frame.group(1)) + _FRAME_DEFAULTS + "></iframe>", clean
    )


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
