"""Every rule that reads a post's source, by id: what `check_post` runs."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from blogbuild.check.document import Document
from blogbuild.check.findings import Hit
from blogbuild.check.rules import (
    leftovers,
    metadata,
    rawhtml,
    scraped,
    scripts,
    structure,
    truncation,
)

Check = Callable[[Document], Iterable[Hit]]

_FAMILIES = (leftovers, scripts, truncation, structure, scraped, metadata, rawhtml)

# Links are not here: they need the built site (engine.check_located_links).
SOURCE_CHECKS: dict[str, Check] = {
    rule_id: check for family in _FAMILIES for rule_id, check in family.CHECKS.items()
}
