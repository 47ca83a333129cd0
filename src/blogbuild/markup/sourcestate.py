"""The state of the pass that expands Liquid and shortcodes: the new source and its lines."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from blogbuild.markup.sitedata import SiteData


@dataclass(frozen=True, slots=True)
class Fragment:
    """HTML made by a template, shown where its marker stands in the new source."""

    html: str
    block: bool  # alone on its lines: a block of its own, not part of a paragraph


@dataclass(slots=True)
class Context:
    """What one document's expansion reads and what it learns."""

    site: SiteData
    page: Mapping[str, Any]
    # Renders Markdown (a shortcode's inner content, starting on a 0-based line) to
    # sanitised HTML; inline=True leaves out the paragraph around a single line.
    render_markdown: Callable[[str, bool, int], str] = field(default=lambda text, _i, _l: text)
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (0-based line, message)
    references: dict[str, str] = field(default_factory=dict)  # post name -> URL ("" if none)
    # Templates looked for and not found: a post of thousands of unknown shortcodes asks
    # the file system once per name, not once per use.
    missing: set[tuple[tuple[str, ...], str]] = field(default_factory=set)

    def post_url(self, name: str, line: int, what: str) -> str:
        """The URL of the post `name`, remembered as a reference; missing, a warning and ''."""
        url = self.site.post_urls.find(name)
        self.references[name] = url or ""
        if url is None:
            self.warn(line, f"{what}: no post named '{name}'; the link points nowhere")
            return ""
        return url

    def warn(self, line: int, message: str) -> None:
        self.warnings.append((line, message))


_LONGEST_TAG = 2000


class Output:
    """The new source, built from pieces of the old one and replacements, with the line of
    the old source each new line starts on (so that token maps can be put right)."""

    def __init__(self, source: str, marker: str) -> None:
        self.source = source
        self.marker = marker  # a character absent from the source: fragments are marked by it
        self._parts: list[str] = []
        # The index in _parts of the last part holding a line break (-1: none yet) and
        # whether the line since is blank, kept as parts are added: a line of thousands of
        # tags is never walked back over for each of them.
        self._last_break = -1
        self._line_blank = True
        self._newlines = [found.start() for found in re.finditer("\n", source)]
        self.line_of: list[int] = [0]
        self.fragments: list[Fragment] = []
        self.pairs: dict[str, dict[int, tuple[int, int]]] = {}  # see shortcodes._pairs

    def tag_limit(self, start: int, *closers: str) -> int:
        """Where a tag starting at `start` must have ended: tags are short and stay within
        their paragraph (so an unclosed `{{` costs a bounded look, not the rest of the post).
        With `closers`, the end of the last one found within that reach (`start`: none)."""
        end = min(len(self.source), start + _LONGEST_TAG)
        blank = self.source.find("\n\n", start, end)
        end = blank if blank >= 0 else end
        if not closers:
            return end
        found = [self.source.rfind(closer, start, end) for closer in closers]
        last = max(found)
        return last + len(closers[found.index(last)]) if last >= 0 else start

    def line_at(self, offset: int) -> int:
        """The 0-based line of the old source that `offset` is on."""
        return bisect.bisect_left(self._newlines, offset)

    def verbatim(self, start: int, end: int) -> None:
        """Copy the old source from `start` to `end`."""
        text = self.source[start:end]
        if not text:
            return
        self._add(text)
        count = text.count("\n")
        if count:
            first = self.line_at(start) + 1
            self.line_of.extend(range(first, first + count))

    def insert(self, text: str, at: int) -> None:
        """Add `text` in place of old source from `at` on; its lines start on `at`'s line."""
        if text:
            self._add(text)
            self.line_of.extend([self.line_at(at)] * text.count("\n"))

    def fragment(self, html: str, at: int, block: bool) -> None:
        """Add a marker for `html`; a block gets blank lines around it, a paragraph of its own."""
        self.fragments.append(Fragment(html, block))
        marker = f"{self.marker}{len(self.fragments) - 1}{self.marker}"
        if not block:
            self.insert(marker, at)
            return
        indent = self.current_line()
        self.insert(f"\n{indent}{marker}\n", at)

    def fence(self, info: str, start: int, code_start: int, code_end: int, end: int) -> None:
        """A fenced code block of the old source's `code_start:code_end`, in place of the
        construct from `start` to `end` (`{% highlight %}…{% endhighlight %}`)."""
        code = self.source[code_start:code_end]
        if code.startswith("\n"):  # the line break after the opening tag
            code_start += 1
            code = code[1:]
        cut = code.rfind("\n")
        if cut >= 0 and not code[cut + 1 :].strip():  # the indent before the closing tag
            code_end = code_start + cut + 1
            code = code[: cut + 1]
        runs = [len(run) for run in re.findall(r"`{3,}|~{3,}", code)]
        ticks = "`" * max([3, *(n + 1 for n in runs)])
        if self.line_is_blank():
            indent = self.current_line()
        else:
            self.insert("\n", start)
            indent = ""
        self.insert(f"{ticks}{info}\n", start)
        self.verbatim(code_start, code_end)
        if code and not code.endswith("\n"):
            self.insert("\n", code_end)
        self.insert(f"{indent}{ticks}\n", end)

    def alone(self, start: int, end: int) -> bool:
        """Whether the old source from `start` to `end` stands alone on its lines."""
        after = self.source.find("\n", end)
        rest = self.source[end : after if after >= 0 else len(self.source)]
        return self.line_is_blank() and not rest.strip()

    def _add(self, text: str) -> None:
        cut = text.rfind("\n")
        if cut >= 0:
            self._last_break = len(self._parts)
            self._line_blank = not text[cut + 1 :].strip()
        else:
            self._line_blank = self._line_blank and not text.strip()
        self._parts.append(text)

    def line_is_blank(self) -> bool:
        """Whether the new source's last (unfinished) line holds only white space."""
        return self._line_blank

    def current_line(self) -> str:
        """The text of the new source's last (unfinished) line (the indent of what comes
        next, when the line is blank)."""
        if self._last_break < 0:
            return "".join(self._parts)
        first = self._parts[self._last_break]
        tail = self._parts[self._last_break + 1 :]
        return first[first.rfind("\n") + 1 :] + "".join(tail)

    def text(self) -> str:
        return "".join(self._parts)
