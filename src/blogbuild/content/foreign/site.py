"""What reading a Jekyll or Hugo site gives: settings, folders, and what was not used."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from blogbuild.content.layout import SiteLayout
from blogbuild.errors import Problem, Severity


@dataclass(frozen=True, slots=True)
class ForeignSite:
    """A generator's site folder as blogbuild builds it."""

    root: Path
    layout: SiteLayout
    settings: dict[str, Any]  # by the Config field each fills: title, base_url, …
    notices: tuple[Problem, ...] = ()  # warnings, each said once per build

    def noting(self, path: str, line: int | None, message: str) -> ForeignSite:
        notice = Problem(path, line, message, Severity.WARNING)
        return replace(self, notices=(*self.notices, notice))


def unused_note(config: str, keys: list[str], why: str) -> Problem:
    """The one warning naming every setting of `config` that blogbuild does not use."""
    shown = ", ".join(keys[:12]) + (f" and {len(keys) - 12} more" if len(keys) > 12 else "")
    return Problem(config, None, f"not used by blogbuild ({why}): {shown}", Severity.WARNING)


def language_of(code: object) -> str | None:
    """blogbuild's interface language for a generator's language code (`ru_RU`, `en-US`);
    None when it has no interface in that language."""
    if not isinstance(code, str):
        return None
    primary = code.strip().replace("_", "-").split("-", 1)[0].lower()
    return primary if primary in ("ru", "en") else None


def known_zone(name: object) -> bool:
    """Whether `name` is a time zone this machine knows (`Europe/Berlin`, `UTC`)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(name, str) or not name.strip():
        return False
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def mapping(value: object) -> dict[str, Any]:
    """`value` when it is a mapping of settings, else an empty one."""
    return value if isinstance(value, dict) else {}


def text(value: object) -> str:
    """`value` when it is text, else empty."""
    return value if isinstance(value, str) else ""
