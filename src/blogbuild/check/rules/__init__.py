"""The registry: every rule with its default severity, and the function that checks it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from blogbuild.check.document import Document
from blogbuild.check.findings import Hit, Rule
from blogbuild.check.rules import (
    leftovers,
    links,
    metadata,
    rawhtml,
    scraped,
    scripts,
    structure,
    truncation,
)

Check = Callable[[Document], Iterable[Hit]]

# A front matter `check: {ignore: [...]}` naming no rule is a mistake worth telling.
UNKNOWN_IGNORE = Rule(
    "unknown-ignore", "warning", "config", "front matter check.ignore names an unknown rule"
)

_FAMILIES = (leftovers, scripts, truncation, structure, scraped, metadata, rawhtml)

RULES: dict[str, Rule] = {rule.id: rule for family in (*_FAMILIES, links) for rule in family.RULES}
RULES[UNKNOWN_IGNORE.id] = UNKNOWN_IGNORE

# Rules that read the source alone, run by check_post; links need the built site.
SOURCE_CHECKS: dict[str, Check] = {
    rule_id: check for family in _FAMILIES for rule_id, check in family.CHECKS.items()
}
