"""Rule levels from the `check:` section of blogbuild.yaml."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blogbuild.check.catalog import RULES
from blogbuild.check.findings import LEVELS
from blogbuild.content.config import Config, load_config
from blogbuild.errors import BuildFailed, Problem

_KNOWN_KEYS = ("rules", "strict", "fail_on")
_OFF = "off"
# What makes `blogbuild check` exit 1: an error (the default), a warning too, or nothing (the
# findings are still reported: annotations in CI, the deploy goes on).
FAIL_ON = ("error", "warning", "never")


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """The severity of every rule (None when turned off) and the level that fails a run."""

    levels: Mapping[str, str | None] = field(default_factory=dict, hash=False)
    strict: bool = False
    fail_on: str = "error"  # one of FAIL_ON; "warning" when strict

    def severity(self, rule: str) -> str | None:
        """The configured severity of a rule, its default when not configured, None if off."""
        if rule in self.levels:
            return self.levels[rule]
        known = RULES.get(rule)
        return known.severity if known else None

    def enabled(self, rule: str) -> bool:
        """True when the rule runs."""
        return self.severity(rule) is not None


DEFAULT_SETTINGS = CheckSettings()


def settings_from_config(
    check_config: Mapping[str, Any] | None,
    path: str = "blogbuild.yaml",
    line: int | None = None,
) -> CheckSettings:
    """Validate the `check:` mapping; raise BuildFailed naming every bad key at once."""
    problems: list[Problem] = []
    config = check_config or {}
    for key in config:
        if key not in _KNOWN_KEYS:
            known = ", ".join(_KNOWN_KEYS)
            problems.append(Problem(path, line, f"check.{key}: unknown setting (known: {known})"))
    strict = config.get("strict", False)
    if not isinstance(strict, bool):
        problems.append(Problem(path, line, "check.strict: expected true or false"))
        strict = False
    fail_on = _fail_on(config, strict, path, line, problems)
    rules = config.get("rules") or {}
    levels: dict[str, str | None] = {}
    if not isinstance(rules, Mapping):
        problems.append(Problem(path, line, "check.rules: expected a mapping of rule id to level"))
        rules = {}
    for rule_id, level in rules.items():
        key = f"check.rules.{rule_id}"
        if rule_id not in RULES:
            problems.append(Problem(path, line, f"{key}: unknown rule{_suggestion(str(rule_id))}"))
            continue
        valid, parsed = _level(level)
        if not valid:
            allowed = ", ".join((*LEVELS, _OFF))
            problems.append(Problem(path, line, f"{key}: level '{level}' is not one of {allowed}"))
            continue
        levels[rule_id] = parsed
    if problems:
        raise BuildFailed(problems)
    return CheckSettings(levels=levels, strict=strict, fail_on=fail_on)


def _fail_on(
    config: Mapping[str, Any], strict: bool, path: str, line: int | None, problems: list[Problem]
) -> str:
    """The `fail_on` level; `strict: true` is another way to say `fail_on: warning`."""
    value = config.get("fail_on", "warning" if strict else "error")
    if value is False:  # YAML 1.1 reads a bare `no`/`off` as false
        value = "never"
    if not isinstance(value, str) or value.strip().lower() not in FAIL_ON:
        allowed = ", ".join(FAIL_ON)
        problems.append(Problem(path, line, f"check.fail_on: '{value}' is not one of {allowed}"))
        return "warning" if strict else "error"
    value = value.strip().lower()
    if strict and value != "warning":
        problems.append(
            Problem(path, line, f"check.strict: true and check.fail_on: {value} disagree; keep one")
        )
    return value


def _level(value: object) -> tuple[bool, str | None]:
    """(valid, level) for a configured value; level None means off."""
    # YAML 1.1 reads a bare `off` as false.
    if value is False:
        return True, None
    if isinstance(value, str) and value.strip().lower() in (*LEVELS, _OFF):
        text = value.strip().lower()
        return True, None if text == _OFF else text
    return False, None


def _suggestion(rule_id: str) -> str:
    close = difflib.get_close_matches(rule_id, list(RULES), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


# A blog brought from Jekyll or Hugo was written without blogbuild's metadata in mind: these
# rules only inform there, unless its `check.rules` asks for more.
_QUIET_WHEN_MIGRATED = {"missing-description": "info", "missing-category": "info"}


def check_settings(config: Config) -> CheckSettings:
    """The rule levels a site's config gives (validated by `load_checked_config`)."""
    settings = settings_from_config(config.check)
    if config.layout.generator == "blogbuild":
        return settings
    levels = {**_QUIET_WHEN_MIGRATED, **settings.levels}
    return CheckSettings(levels=levels, strict=settings.strict, fail_on=settings.fail_on)


def load_checked_config(root: Path, base_url: str | None = None) -> Config:
    """The site config with its `check:` block validated too, every problem reported at once."""
    return load_config(root, base_url, {"check": settings_from_config})
