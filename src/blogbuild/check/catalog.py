"""Every rule: its id, default severity, family and one-line explanation.

Kept apart from the rules' code (rules/), which only a post being checked needs: settings,
reports and the site's link check read this alone.
"""

from __future__ import annotations

from blogbuild.check.findings import Rule

_ALL = (
    # leftovers
    Rule(
        "placeholder-text",
        "error",
        "leftovers",
        "placeholder or chatbot text left in (Lorem ipsum, TODO, [Вставьте …], {{name}})",
    ),
    Rule(
        "liquid-tag",
        "warning",
        "leftovers",
        "Jekyll Liquid tag outside code that blogbuild does not render ({% assign %}, {% if %})",
    ),
    # scripts
    Rule(
        "foreign-script",
        "error",
        "scripts",
        "letters of another script (CJK, Arabic…) inside the text, a typical generation glitch",
    ),
    Rule(
        "mixed-script-word",
        "warning",
        "scripts",
        "a word mixing Cyrillic and Latin letters: fused words or look-alike letters",
        fixable=True,
    ),
    # truncation
    Rule(
        "truncated-ending",
        "warning",
        "truncation",
        "the article or a section stops without final punctuation (generation cut off?)",
    ),
    Rule(
        "unclosed-fence",
        "error",
        "truncation",
        "a code fence is never closed: the rest of the post renders as code",
    ),
    # structure
    Rule(
        "duplicate-heading",
        "warning",
        "structure",
        "a heading repeats an earlier one",
        fixable=True,
    ),
    Rule(
        "heading-stray-hash",
        "error",
        "structure",
        "a heading shows a stray '#' (## # Title), or '##Title' lacks the space",
        fixable=True,
    ),
    Rule(
        "h1-repeats-title", "warning", "structure", "the body repeats the post title", fixable=True
    ),
    Rule(
        "bold-pseudo-heading",
        "warning",
        "structure",
        "a bold line poses as a heading: readers, the outline and anchors miss it",
        fixable=True,
    ),
    Rule("heading-level-jump", "warning", "structure", "heading levels skip one (h2 → h4)"),
    Rule("empty-section", "warning", "structure", "a heading with nothing under it"),
    Rule(
        "stray-heading-underline",
        "warning",
        "structure",
        "a line of '=' that underlines nothing shows as text",
        fixable=True,
    ),
    # scraped
    Rule(
        "scrape-debris",
        "error",
        "scraped",
        "text post: page chrome copied with the article (Подробнее, Оцените статью, tag lines)",
        fixable=True,
    ),
    Rule(
        "flattened-table", "warning", "scraped", "text post: a table flattened into lines of words"
    ),
    # metadata
    Rule(
        "missing-date",
        "warning",
        "metadata",
        "no date in front matter: it comes from the file name, git or the file's time",
    ),
    Rule("missing-description", "warning", "metadata", "no description for feeds and previews"),
    Rule("missing-category", "warning", "metadata", "the post has no category"),
    Rule("long-title", "warning", "metadata", "the title is longer than 70 characters"),
    Rule("empty-summary", "warning", "metadata", "description or summary is set but empty"),
    # html
    Rule(
        "unsafe-html",
        "warning",
        "html",
        "raw HTML the sanitiser drops: script, style, iframe, on* handlers, javascript: URLs",
    ),
    # links
    Rule("broken-link", "error", "links", "an internal link points at no page or file of the site"),
    Rule("broken-image", "error", "links", "an image (or front matter `image`) is not in the site"),
    Rule("broken-fragment", "error", "links", "a link's #fragment matches no id on its page"),
    Rule("external-link", "info", "links", "an external link, listed for review (not fetched)"),
    Rule(
        "broken-external-link",
        "error",
        "links",
        "an external link that did not answer (--external)",
    ),
    # config
    Rule("unknown-ignore", "warning", "config", "front matter check.ignore names an unknown rule"),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _ALL}
# A front matter `check: {ignore: [...]}` naming no rule is a mistake worth telling.
UNKNOWN_IGNORE = RULES["unknown-ignore"]
