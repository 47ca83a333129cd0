"""Code blocks highlighted by Pygments at build time, with CSS classes instead of scripts."""

from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping, Sequence
from functools import lru_cache
from typing import Any, cast

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.styles import get_style_by_name
from pygments.util import ClassNotFound

from blogbuild.content.i18n import strings
from blogbuild.markup.fastlex import accelerate
from blogbuild.markup.state import document_state, keep_fragment, render_rule

LIGHT_STYLE = "default"
DARK_STYLE = "github-dark"

# nowrap: we write the <div><pre><code> wrapper ourselves, identical for highlighted and
# plain blocks, so the theme styles one shape.
_FORMATTER = HtmlFormatter(nowrap=True)
# Lines to mark, in a fence's info string as Hugo writes them (```go {hl_lines=[2,"4-5"]}),
# or Jekyll's `mark_lines="2 4"`.
_MARKED = re.compile(r"""(?:hl_lines|mark_lines)\s*=\s*(\[[^\]]*\]|"[^"]*"|'[^']*'|[\d\s-]+)""")
_RANGE = re.compile(r"(\d+)(?:\s*-\s*(\d+))?")


def marked_lines(info: str) -> tuple[int, ...]:
    """The lines a fence's info string asks to mark: `{hl_lines="2 4-5"}` -> (2, 4, 5)."""
    found = _MARKED.search(info)
    if found is None:
        return ()
    lines: set[int] = set()
    for match in _RANGE.finditer(found.group(1)):
        first = int(match.group(1))
        last = int(match.group(2) or first)
        lines.update(range(first, min(last, first + 10_000) + 1))
    return tuple(sorted(lines))


# Line numbers, as Hugo (`{linenos=true}`, `table`, `inline`), Jekyll (`linenos`) and
# Python-Markdown (`linenums="1"`) ask for them; `linenostart=N` starts them at N.
_NUMBERED = re.compile(r"""\b(?:linenos|linenums)\b(?:\s*=\s*["']?([\w-]*))?""", re.I)
_NUMBERED_OFF = frozenset({"false", "no", "off", "0"})
_FIRST_NUMBER = re.compile(r"""\blinenostart\s*=\s*["']?(\d{1,9})""")


def first_line_number(info: str) -> int | None:
    """The number a fence's info string asks its first line to have, or None for no line
    numbers: `{linenos=true}` -> 1, `{linenos=table, linenostart=10}` -> 10."""
    found = _NUMBERED.search(info)
    if found is None or (found.group(1) or "").lower() in _NUMBERED_OFF:
        return None
    start = _FIRST_NUMBER.search(info)
    return int(start.group(1)) if start else 1


def code_name(language: str, site_language: str) -> str:
    """The name a code block is announced by when it takes keyboard focus, in the site
    language: 'Код на python', or 'Код' for a block without a language."""
    theme = strings(site_language)
    plain, named = theme["code_block"], theme["code_block_in"]
    return named.format(language=language) if language else plain


@lru_cache(maxsize=64)
def _formatter(marked: tuple[int, ...]) -> HtmlFormatter:
    return HtmlFormatter(nowrap=True, hl_lines=list(marked)) if marked else _FORMATTER


def fence_language(info: str) -> str:
    """The language named by a fence's info string: `Python {.x}` -> `python`."""
    words = info.strip().split(maxsplit=1)
    if not words:
        return ""
    # Pandoc/kramdown style `{.python}` names the language as a class.
    return words[0].strip("{}").lstrip(".").lower()


@lru_cache(maxsize=256)
def _lexer_for(language: str) -> Lexer | None:
    # Only explicit names: guess_lexer is slow and its answer changes between runs.
    try:
        lexer = get_lexer_by_name(language, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None
    return cast(Lexer, accelerate(lexer))


# Pygments takes about five seconds a megabyte; a block longer than this (a data dump,
# minified code) is shown as plain text, which no reader would tell from colours anyway.
LONGEST_HIGHLIGHTED = 100_000


def highlight_code(
    code: str,
    language: str,
    marked: tuple[int, ...] = (),
    site_language: str = "ru",
    first_number: int | None = None,
) -> str:
    """HTML for a code block; unknown or missing languages, and blocks over
    LONGEST_HIGHLIGHTED characters, give escaped plain text. `marked` lines (1-based) are
    marked in highlighted code; with `first_number`, lines are numbered from it."""
    lexer = _lexer_for(language) if language and len(code) <= LONGEST_HIGHLIGHTED else None
    body = highlight(code, lexer, _formatter(marked)) if lexer else escapeHtml(code)
    name = escapeHtml(language)
    css_class, label = (
        (f' class="language-{name}"', f' data-lang="{name}"') if language else ("", "")
    )
    numbers = ""
    if first_number is not None:
        body = _numbered(body)
        last = first_number + body.count("\n") - 1
        # the counter counts up before each line; the gutter is as wide as the last number
        counter = f"counter-reset: line {first_number - 1}; --gutter: {len(str(last))}ch"
        numbers = f' data-linenos style="{counter}"'
    # A block that scrolls sideways must be reachable by keyboard (WCAG 2.1.1), and what
    # takes focus needs a name: a group named after the code.
    named = escapeHtml(code_name(language, site_language))
    pre = f'<pre tabindex="0" role="group" aria-label="{named}">'
    pre += f"<code{css_class}{numbers}>{body}</code></pre>"
    return f'<div class="highlight"{label}>{pre}</div>\n'


def _numbered(body: str) -> str:
    """Each line of highlighted code in a `<span class="line">`, which the theme numbers with
    a CSS counter: the numbers are not in the text, so copying and selecting leave them out."""
    # Pygments closes its spans before each newline, but for a marked line's `hll`, which
    # holds its newline: closed before it, every line is whole.
    lines = body.replace("\n</span>", "</span>\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return "".join(f'<span class="line">{line}</span>\n' for line in lines)


def _render_fence(tokens: Sequence[Token], idx: int, env: MutableMapping[str, Any]) -> str:
    token = tokens[idx]
    language, marked = fence_language(token.info), marked_lines(token.info)
    first = first_line_number(token.info)
    return keep_fragment(env, _highlighted(token.content, language, env, marked, first))


def _render_code_block(tokens: Sequence[Token], idx: int, env: MutableMapping[str, Any]) -> str:
    return keep_fragment(env, _highlighted(tokens[idx].content, "", env))


def _highlighted(
    code: str,
    language: str,
    env: MutableMapping[str, Any],
    marked: tuple[int, ...] = (),
    first_number: int | None = None,
) -> str:
    """`highlight_code`, or the block as highlighted in the post's previous version: the
    first block in a new process costs loading and compiling its lexer."""
    state = document_state(env)
    if state is None:
        return highlight_code(code, language, marked, first_number=first_number)
    kind = f"{language}\0{marked}\0{state.language}\0{first_number}"
    key = hashlib.blake2b(
        f"{kind}\0{code}".encode("utf-8", "surrogatepass"), digest_size=16
    ).hexdigest()
    html = state.known_code.get(key) or highlight_code(
        code, language, marked, state.language, first_number
    )
    state.code_html[key] = html
    return html


def highlight_plugin(md: MarkdownIt) -> None:
    """Render fenced and indented code through Pygments."""
    md.add_render_rule("fence", render_rule(_render_fence))
    md.add_render_rule("code_block", render_rule(_render_code_block))


class _MarkedDark(get_style_by_name(DARK_STYLE)):  # type: ignore[misc]
    """The dark style with a marked line's background that keeps its text readable: the
    style's own (#6e7681) leaves 3.9:1 for plain names and 1.8:1 for keywords; on this one
    every token but an error has 4.5:1 or more (WCAG AA)."""

    highlight_color = "#1f2937"


def highlight_css() -> str:
    """Pygments CSS: light by default, dark for dark systems and for `data-theme="dark"`, on
    screens only: a page prints in light colours whatever the reader chose."""
    light = HtmlFormatter(style=LIGHT_STYLE)
    dark = HtmlFormatter(style=_MarkedDark)
    # An explicit light choice on the page must win over the system's dark preference.
    dark_by_system = ':root:not([data-theme="light"]) .highlight'
    dark_by_choice = '[data-theme="dark"] .highlight'
    return "\n".join(
        [
            "/* Code highlighting (Pygments). */",
            ".highlight pre { overflow-x: auto; line-height: 125%; }",
            _style_rules(light, ".highlight"),
            "@media screen and (prefers-color-scheme: dark) {",
            _style_rules(dark, dark_by_system),
            "}",
            "@media screen {",
            _style_rules(dark, dark_by_choice),
            "}",
            "",
        ]
    )


def _style_rules(formatter: HtmlFormatter, prefix: str) -> str:
    # Not get_style_defs(): it also emits unscoped rules such as `pre { ... }`.
    return "\n".join(
        [
            *formatter.get_background_style_defs(prefix),
            *formatter.get_token_style_defs(prefix),
        ]
    )
