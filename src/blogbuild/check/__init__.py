"""`blogbuild check`: a quality gate for machine-written articles.

Typical use by the CLI and the build:

    settings = check_settings(config)          # BuildFailed on bad keys
    findings = check_post(post, settings)                  # rules that read the source
    findings += check_links(post, html, site_paths, ids_by_path, base_path, settings)
    print(format_text(findings), summary(findings))        # or format_json / format_github
    code = exit_code(findings, strict or settings.strict, settings.fail_on)

`RULES` maps each rule id to its default severity and explanation; `format_rules(settings)`
lists them for `--list-rules`. A post silences rules with front matter `check: {ignore: [id]}`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from blogbuild.check.catalog import RULES
    from blogbuild.check.config import (
        DEFAULT_SETTINGS,
        CheckSettings,
        check_settings,
        settings_from_config,
    )
    from blogbuild.check.engine import check_links, check_post
    from blogbuild.check.findings import LEVELS, Finding, Rule, sort_findings
    from blogbuild.check.report import (
        exit_code,
        format_github,
        format_json,
        format_rules,
        format_text,
        summary,
    )

# Each name is imported from its module on first use: a build that decodes cached findings
# loads `findings` alone, not the rules and the Markdown parser behind `check_post`.
_MODULES = {
    "RULES": "catalog",
    "DEFAULT_SETTINGS": "config",
    "CheckSettings": "config",
    "settings_from_config": "config",
    "check_settings": "config",
    "check_links": "engine",
    "check_post": "engine",
    "LEVELS": "findings",
    "Finding": "findings",
    "Rule": "findings",
    "sort_findings": "findings",
    "exit_code": "report",
    "format_github": "report",
    "format_json": "report",
    "format_rules": "report",
    "format_text": "report",
    "summary": "report",
}
__all__ = [
    "DEFAULT_SETTINGS",
    "LEVELS",
    "RULES",
    "CheckSettings",
    "Finding",
    "Rule",
    "check_links",
    "check_post",
    "check_settings",
    "exit_code",
    "format_github",
    "format_json",
    "format_rules",
    "format_text",
    "settings_from_config",
    "sort_findings",
    "summary",
]


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
