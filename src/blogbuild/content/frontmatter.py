"""Splitting a post into front matter (YAML `---` or TOML `+++`) and body, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import frontmatter
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from blogbuild.content.yamlsource import YamlSourceError, key_lines, load_yaml


class TomlHandler(BaseHandler):
    """TOML front matter through the standard library's tomllib (no extra dependency)."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"


_HANDLERS = (YAMLHandler(), TomlHandler())
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_KEY = re.compile(r"^[ \t]*([A-Za-z0-9_-]+)\s*=", re.MULTILINE)


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


def normalize_text(text: str) -> str:
    """Drop a BOM and turn CRLF/CR line ends into LF; line numbers stay the same."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> SplitSource:
    """Split normalized text; raise FrontMatterError with the file's line on bad metadata."""
    handler = frontmatter.detect_format(text, _HANDLERS)
    if handler is None:
        return SplitSource({}, text, 1, {}, has_front_matter=False)
    try:
        raw, body = handler.split(text)
    except ValueError:
        delimiter = handler.START_DELIMITER
        raise FrontMatterError(
            1, f"front matter opened with '{delimiter}' is never closed"
        ) from None
    head = text[: len(text) - len(body)]
    body_line = head.count("\n") + 1
    # lines of `raw` count from the opening delimiter's line
    opening = handler.FM_BOUNDARY.search(text) if handler.FM_BOUNDARY else None
    offset = text.count("\n", 0, opening.end()) if opening else 0
    if isinstance(handler, TomlHandler):
        meta, lines = _read_toml(raw, offset)
    else:
        meta, lines = _read_yaml(raw, offset)
    return SplitSource(meta, body.removeprefix("\n"), body_line + body.startswith("\n"), lines)


def _read_yaml(raw: str, offset: int) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        meta = load_yaml(raw)
    except YamlSourceError as err:
        line = err.line + offset if err.line is not None else None
        raise FrontMatterError(line, err.message) from None
    if meta is None:
        return {}, {}
    if not isinstance(meta, dict):
        raise FrontMatterError(2, "front matter must be a mapping of keys to values")
    lines = {key: line + offset for key, line in key_lines(raw).items()}
    return {str(key): value for key, value in meta.items()}, lines


def _read_toml(raw: str, offset: int) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib  # loaded only for the rare +++ front matter

    try:
        meta = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        found = _TOML_LINE.search(str(err))
        line = int(found.group(1)) + offset if found else None
        reason = _TOML_LINE.sub("", str(err)).strip()
        raise FrontMatterError(line, f"invalid TOML: {reason}") from None
    lines: dict[str, int] = {}
    for match in _TOML_KEY.finditer(raw):
        lines.setdefault(match.group(1), raw.count("\n", 0, match.start()) + 1 + offset)
    return meta, lines
