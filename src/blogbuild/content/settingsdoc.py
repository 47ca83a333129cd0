"""The settings of blogbuild.yaml written out from their one declaration (`config.SETTINGS`):
the README's table, and the commented example config that `blogbuild init` writes."""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from blogbuild.content.config import CONFIG_NAME, SETTINGS, Setting

_WIDTH = 100


def settings_table() -> str:
    """The Markdown table of every key, its default and its meaning (README.md)."""
    rows = ["| key | default | meaning |", "|---|---|---|"]
    for declared in SETTINGS:
        meaning = declared.doc.replace("|", "\\|")
        rows.append(f"| `{declared.key}` | {_shown_default(declared)} | {meaning} |")
    return "\n".join(rows) + "\n"


def example_config(values: dict[str, Any] | None = None) -> str:
    """blogbuild.yaml with every key, each after a comment saying what it does: set to its
    default (or to `values[key]`), or, for a key unset by default, commented out with an
    example value."""
    values = values or {}
    lines = [
        f"# {CONFIG_NAME}: the site's settings. Every key is here with its default; edit or",
        "# delete any of them. An unknown key is an error: your own values go under params:.",
    ]
    opened = ""
    for declared in SETTINGS:
        section, _, option = declared.key.partition(".")
        indent = "  " if option else ""
        if option and opened != section:
            lines += ["", f"{section}:"]
            opened = section
        elif not option:
            lines.append("")
            opened = ""
        comment = textwrap.wrap(declared.doc, _WIDTH - len(indent) - 2)
        lines += [f"{indent}# {part}" for part in comment]
        name = option or declared.key
        if declared.key in values:
            lines.append(f"{indent}{name}: {_yaml(values[declared.key])}")
        elif declared.example:
            lines.append(f"{indent}# {name}: {_yaml(declared.example)}")
        else:
            lines.append(f"{indent}{name}: {_yaml(declared.default)}")
    return "\n".join(lines) + "\n"


def _shown_default(declared: Setting) -> str:
    if declared.example and not declared.default:
        return "none"
    if declared.default == "":
        return "empty"
    return f"`{_yaml(declared.default)}`"


def _yaml(value: Any) -> str:
    """One value as YAML on one line, quoted only where YAML needs it."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1_000_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()
