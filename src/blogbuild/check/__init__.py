"""`blogbuild check`: a quality gate for machine-written articles.

Typical use by the CLI and the build:

    settings = settings_from_config(config.check)          # BuildFailed on bad keys
    findings = check_post(post, settings)                  # rules that read the source
    findings += check_links(post, html, site_paths, ids_by_path, base_path, settings)
    print(format_text(findings), summary(findings))        # or format_json / format_github
    code = exit_code(findings, strict or settings.strict)

`RULES` maps each rule id to its default severity and explanation; `format_rules(settings)`
lists them for `--list-rules`. A post silences rules with front matter `check: {ignore: [id]}`.
"""

from blogbuild.check.config import DEFAULT_SETTINGS, CheckSettings, settings_from_config
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
from blogbuild.check.rules import RULES

__all__ = [
    "DEFAULT_SETTINGS",
    "LEVELS",
    "RULES",
    "CheckSettings",
    "Finding",
    "Rule",
    "check_links",
    "check_post",
    "exit_code",
    "format_github",
    "format_json",
    "format_rules",
    "format_text",
    "settings_from_config",
    "sort_findings",
    "summary",
]
