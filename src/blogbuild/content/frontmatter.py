"""Splitting a post into front matter (YAML `---` or TOML `+++`) and body, keeping line numbers.

Read as Jekyll and Hugo read it: blank lines (and a stray BOM) may come before the opening
delimiter, YAML may end with `...` as well as `---`, and an empty block is no metadata.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from blogbuild.content.yamlsource import (
    MAX_DEPTH,
    MAX_VALUES,
    Oddity,
    YamlSourceError,
    expanded_size,
    key_lines,
    load_yaml,
)

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_KEY = re.compile(r"^[ \t]*([A-Za-z0-9_-]+)\s*=", re.MULTILINE)
_LONG_DIGITS = re.compile(r"\d{4000,}")
# tomllib walks a dotted key's whole path for each of its parts: a key of n parts costs n²
# (18,000 parts: over 5 s). Real keys have a handful; deeper ones are refused before it.
MAX_TOML_KEY_PARTS = 100
# Each run of blanks can be matched one way only: two `[ \t]*` side by side would try every
# split of a line of 300,000 tabs.
_TOML_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_TOML_KEY_PATH = re.compile(
    rf"^[ \t]*(?:\[+[ \t]*)?({_TOML_KEY_PART}(?:[ \t]*\.[ \t]*{_TOML_KEY_PART})*)[ \t]*[=\]]",
    re.MULTILINE,
)
# tomllib reads the parts before it finds that no `=` follows: a line of dotted words with
# no space between them (`www.www.…`) costs as much. Prose in a multi-line string has spaces.
_TOML_DENSE_PATH = re.compile(r"^[ \t]*\[*([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)", re.MULTILINE)
_OPENING = {"---": "yaml", "+++": "toml"}
_CLOSING = {"yaml": ("---", "..."), "toml": ("+++",)}


class FrontMatterError(ValueError):
    """Front matter that cannot be read; `line` is the line in the whole file."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class SplitSource:
    """A source file cut into metadata and body."""

    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the file where the body starts
    meta_lines: dict[str, int] = field(default_factory=dict)
    has_front_matter: bool = True
    # (line, message) of values that were read leniently: warnings, not errors
    notes: tuple[tuple[int | None, str], ...] = ()
    format: str = ""  # "yaml", "toml" or "json" when there is front matter


def normalize_text(text: str) -> str:
    """Drop a BOM and turn CRLF/CR line ends into LF; line numbers stay the same."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> SplitSource:
    """Split normalized text; raise FrontMatterError with the file's line on bad metadata."""
    lines = text.split("\n")
    first, kind, end = _delimited(lines)
    if kind is None and first < len(lines) and lines[first].strip(" \t\ufeff") == "{":
        found = _json_front_matter(lines, first)
        if found is not None:
            return found
    if kind is None:
        notes = _bare_front_matter(lines, first)
        return SplitSource({}, text, 1, {}, has_front_matter=False, notes=notes)
    if end is None:
        delimiter = "---" if kind == "yaml" else "+++"
        raise FrontMatterError(first + 1, f"front matter opened with '{delimiter}' is never closed")
    raw = "\n".join(lines[first + 1 : end]) + "\n"
    offset = first + 1  # line n of `raw` is line n + offset of the file
    if kind == "toml":
        meta, meta_lines, notes = _read_toml(raw, offset)
    else:
        meta, meta_lines, notes = _read_yaml(raw, offset)
    body, body_line = _body_after(lines, end)
    return SplitSource(meta, body, body_line, meta_lines, True, notes, kind)


def _delimited(lines: list[str]) -> tuple[int, str | None, int | None]:
    """The first line that is not blank, the front matter it opens ("yaml", "toml" or
    None) and the line that closes it (None: never closed)."""
    first = 0
    while first < len(lines) and not lines[first].strip(" \t\ufeff"):
        first += 1
    kind = _OPENING.get(lines[first].strip(" \t\ufeff")) if first < len(lines) else None
    if kind is None:
        return first, None, None
    closing = _CLOSING[kind]
    end = next((n for n in range(first + 1, len(lines)) if lines[n].rstrip() in closing), None)
    return first, kind, end


def _body_after(lines: list[str], end: int) -> tuple[str, int]:
    """The body below the front matter's last line `end`, and the 1-based line it starts on;
    one blank line after the closing delimiter is part of the layout, not the body."""
    body_start = end + 1
    if body_start < len(lines) - 1 and not lines[body_start].strip():
        body_start += 1
    return "\n".join(lines[body_start:]), body_start + 1


def without_front_matter(text: str) -> SplitSource | None:
    """The body below front matter that cannot be read, as Jekyll publishes such a post
    (with no metadata); None when the front matter is never closed."""
    lines = text.split("\n")
    _, kind, end = _delimited(lines)
    if kind is None or end is None:
        return None
    body, body_line = _body_after(lines, end)
    return SplitSource({}, body, body_line, {}, True, (), kind)


_JSON_KEY = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*:')


def _json_front_matter(lines: list[str], first: int) -> SplitSource | None:
    """Hugo's JSON front matter: an object from a line `{` to a line `}`; None when the
    text there is no JSON object (then it is the body's own text)."""
    for end in range(first + 1, len(lines)):
        if lines[end].strip() != "}":
            continue
        try:
            meta = json.loads("\n".join(lines[first : end + 1]))
        except ValueError:
            continue
        if not isinstance(meta, dict):
            return None
        meta_lines: dict[str, int] = {}
        for number in range(first + 1, end):
            match = _JSON_KEY.match(lines[number])
            if match and match.group(1) in meta:
                meta_lines.setdefault(match.group(1), number + 1)
        body_start = end + 1
        if body_start < len(lines) - 1 and not lines[body_start].strip():
            body_start += 1
        body = "\n".join(lines[body_start:])
        return SplitSource(
            {str(k): v for k, v in meta.items()}, body, body_start + 1, meta_lines, True, (), "json"
        )
    return None


# `title: …`, `date: …` lines: what a post's front matter holds, here without its `---`
_BARE_KEY = re.compile(r"^(title|date|tags|categories|description|slug|draft|layout):\s")


def _bare_front_matter(lines: list[str], first: int) -> tuple[tuple[int | None, str], ...]:
    """A note when the text starts with front matter keys but no `---` line above them."""
    keys = 0
    for line in lines[first : first + 12]:
        if not _BARE_KEY.match(line):
            break
        keys += 1
    if keys < 2:
        return ()
    message = (
        f"the first {keys} lines look like front matter without its '---' lines: they are "
        "shown as text; put a line '---' above and below them"
    )
    return ((first + 1, message),)


def _read_yaml(
    raw: str, offset: int
) -> tuple[dict[str, Any], dict[str, int], tuple[tuple[int | None, str], ...]]:
    oddities: list[Oddity] = []
    try:
        meta = load_yaml(raw, oddities)
    except YamlSourceError as err:
        line = err.line + offset if err.line is not None else offset
        raise FrontMatterError(line, err.message) from None
    if meta is None:
        return {}, {}, ()
    if not isinstance(meta, dict):
        raise FrontMatterError(offset + 1, "front matter must be a mapping of keys to values")
    lines = {key: line + offset for key, line in key_lines(raw).items()}
    meta = {str(key): value for key, value in meta.items()}
    notes = [*_unwieldy(meta, lines)]
    notes += [
        (odd.line + offset, f"{_key_at(lines, odd.line + offset)}{odd.message}") for odd in oddities
    ]
    return meta, lines, tuple(notes)


def _unwieldy(meta: dict[str, Any], lines: dict[str, int]) -> list[tuple[int | None, str]]:
    """Leave out values no page could show: self-referring, alias bombs, nested too deeply."""
    notes: list[tuple[int | None, str]] = []
    for key, value in list(meta.items()):
        measured = expanded_size(value)
        if measured is None:
            why = "the value contains itself (a YAML alias inside its own anchor)"
        elif measured[0] > MAX_VALUES:
            why = f"the value expands to more than {MAX_VALUES:,} values (YAML aliases)"
        elif measured[1] > MAX_DEPTH:
            why = f"the value is nested more than {MAX_DEPTH} levels deep"
        else:
            continue
        del meta[key]
        notes.append((lines.get(key), f"{key}: {why}: left out"))
    return notes


def _key_at(lines: dict[str, int], line: int) -> str:
    """`key: ` for the top-level key whose value holds `line`, or nothing."""
    above = [(start, key) for key, start in lines.items() if start <= line]
    return f"{max(above)[1]}: " if above else ""


def _read_toml(
    raw: str, offset: int
) -> tuple[dict[str, Any], dict[str, int], tuple[tuple[int | None, str], ...]]:
    import tomllib  # loaded only for the rare +++ front matter

    lines: dict[str, int] = {}
    line, counted = 1 + offset, 0
    for match in _TOML_KEY.finditer(raw):
        line += raw.count("\n", counted, match.start())
        counted = match.start()
        lines.setdefault(match.group(1), line)
    _refuse_deep_keys(raw, offset)
    try:
        meta = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        found = _TOML_LINE.search(str(err))
        line = int(found.group(1)) + offset if found else offset + raw.count("\n") - 1
        reason = _TOML_LINE.sub("", str(err)).strip()
        raise FrontMatterError(line, f"invalid TOML: {reason}") from None
    except RecursionError:
        raise FrontMatterError(offset, "invalid TOML: arrays or tables nested too deeply") from None
    except ValueError as err:  # a number tomllib matched but Python cannot convert
        digits = _LONG_DIGITS.search(raw)
        line = raw.count("\n", 0, digits.start()) + 1 + offset if digits else offset
        key = _key_at(lines, line)
        reason = "a number with too many digits" if digits else str(err)
        raise FrontMatterError(line, f"{key}invalid TOML: {reason}") from None
    return meta, lines, tuple(_unwieldy(meta, lines))


def _refuse_deep_keys(raw: str, offset: int) -> None:
    """Raise FrontMatterError for a key (or table header) of over MAX_TOML_KEY_PARTS parts."""
    if raw.count(".") <= MAX_TOML_KEY_PARTS:
        return
    for match in chain(_TOML_KEY_PATH.finditer(raw), _TOML_DENSE_PATH.finditer(raw)):
        parts = match.group(1).count(".") + 1
        if parts > MAX_TOML_KEY_PARTS:
            line = raw.count("\n", 0, match.start()) + 1 + offset
            limit = MAX_TOML_KEY_PARTS
            raise FrontMatterError(
                line, f"invalid TOML: a dotted key of {parts:,} parts (at most {limit})"
            )
