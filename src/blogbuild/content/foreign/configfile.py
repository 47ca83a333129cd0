"""Reading a generator's config file (YAML, TOML or JSON) into a mapping, with file:line
errors."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from blogbuild.content.yamlsource import YamlSourceError, key_lines, load_yaml
from blogbuild.errors import BuildFailed, Problem

_TOML_LINE = re.compile(r"at line (\d+)")


def read_config_file(path: Path, shown: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The settings of one config file and the line of each top-level key (YAML only)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BuildFailed([Problem(shown, None, "the file is not UTF-8 text")]) from None
    except OSError as err:
        raise BuildFailed([Problem(shown, None, f"cannot read it: {err.strerror}")]) from None
    suffix = path.suffix.lower()
    lines: dict[str, int] = {}
    try:
        if suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif suffix == ".json":
            data = json.loads(text) if text.strip() else {}
        else:
            data = load_yaml(text)
            lines = key_lines(text)
    except YamlSourceError as err:
        raise BuildFailed([Problem(shown, err.line, err.message)]) from None
    except tomllib.TOMLDecodeError as err:
        found = _TOML_LINE.search(str(err))
        line = int(found.group(1)) if found else None
        raise BuildFailed([Problem(shown, line, f"invalid TOML: {err}")]) from None
    except json.JSONDecodeError as err:
        raise BuildFailed([Problem(shown, err.lineno, f"invalid JSON: {err.msg}")]) from None
    if data is None:
        return {}, lines
    if not isinstance(data, dict):
        raise BuildFailed([Problem(shown, 1, "expected a mapping of settings")])
    return data, lines
