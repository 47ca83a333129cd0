"""Validating a post's front matter into typed fields; unknown keys are kept for templates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from blogbuild.content.dates import DateError, parse_date
from blogbuild.content.safeurl import is_media_url
from blogbuild.errors import Problems
from blogbuild.model import AiProvenance

_SPLIT_COMMAS = re.compile(r"\s*,\s*")
_UPDATED_KEYS = ("updated", "lastmod", "last_modified_at")
KNOWN_KEYS = frozenset(
    {
        "title", "date", *_UPDATED_KEYS, "categories", "category", "tags", "tag", "draft",
        "published", "description", "summary", "image", "slug", "ai", "check",
    }
)  # fmt: skip


@dataclass(slots=True)
class PostMeta:
    """The known front matter fields of one post, each validated or left unset."""

    title: str | None = None
    date: datetime | None = None
    updated: datetime | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    draft: bool = False
    description: str | None = None
    image: str | None = None
    slug: str | None = None
    ai: AiProvenance | None = None
    check_ignore: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def read_meta(
    meta: dict[str, Any], lines: dict[str, int], path: str, tz: ZoneInfo, problems: Problems
) -> PostMeta:
    """Validate known keys, reporting each bad value at its line; keep the rest in `extra`."""

    def bad(key: str, message: str) -> None:
        problems.error(path, lines.get(key), f"{key}: {message}")

    fields = PostMeta(extra={k: v for k, v in meta.items() if k not in KNOWN_KEYS})
    fields.title = _text(meta, "title", bad)
    fields.description = _text(meta, "description", bad) or _text(meta, "summary", bad)
    if "description" in meta and meta["description"] is not None and fields.description is None:
        fields.description = ""  # present but empty: kept so the linter can say so
    fields.image = _text(meta, "image", bad)
    if fields.image is not None and not is_media_url(fields.image):
        # The cover goes into <img src>, og:image and every feed: only what can be an image.
        problems.warning(
            path, lines.get("image"), "image: not a web, relative or data:image URL; left out"
        )
        fields.image = None
    fields.slug = _text(meta, "slug", bad)
    for key in ("date", *_UPDATED_KEYS):
        if meta.get(key) is None:
            continue
        try:
            moment = parse_date(meta[key], tz)
        except DateError as err:
            bad(key, str(err))
            continue
        if key == "date":
            fields.date = moment
        else:
            fields.updated = fields.updated or moment
    fields.categories = _terms(meta, ("categories", "category"), bad)
    fields.tags = _terms(meta, ("tags", "tag"), bad)
    fields.draft = _flag(meta, "draft", False, bad) or not _flag(meta, "published", True, bad)
    fields.ai = _ai(meta.get("ai"), bad)
    fields.check_ignore = _check_ignore(meta.get("check"), bad)
    return fields


def _text(meta: dict[str, Any], key: str, bad: Any) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    bad(key, f"expected text, got {type(value).__name__}")
    return None


def _flag(meta: dict[str, Any], key: str, default: bool, bad: Any) -> bool:
    value = meta.get(key, default)
    if isinstance(value, bool):
        return value
    if value is None:
        return default
    bad(key, f"expected true or false, got {value!r}")
    return default


def _terms(meta: dict[str, Any], keys: tuple[str, str], bad: Any) -> tuple[str, ...]:
    """`tags: [a, b]`, `tags: "a, b"`, `tags: a b` (Jekyll), or `tag: One Name` kept whole."""
    singular = keys[1]
    found: list[str] = []
    for key in keys:
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            if key == singular:
                parts = [value]
            elif "," in value:
                parts = _SPLIT_COMMAS.split(value)
            else:
                parts = value.split()
        elif isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            parts = [str(v) for v in value]
        else:
            bad(key, "expected a list of names or one name")
            continue
        found.extend(part.strip() for part in parts if part.strip())
    unique = dict.fromkeys(found)  # keeps the writer's order, drops repeats
    return tuple(unique)


def _ai(value: Any, bad: Any) -> AiProvenance | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        bad("ai", "expected a mapping with model, generated and reviewed_by")
        return None
    unknown = sorted(set(value) - {"model", "generated", "reviewed_by"})
    if unknown:
        bad(
            "ai",
            f"unknown key(s) {', '.join(map(str, unknown))} (known: model, generated, reviewed_by)",
        )
    generated = value.get("generated", True)
    if not isinstance(generated, bool):
        bad("ai", "generated: expected true or false")
        generated = True
    model, reviewer = value.get("model"), value.get("reviewed_by")
    return AiProvenance(
        model=str(model) if model is not None else None,
        generated=generated,
        reviewed_by=str(reviewer) if reviewer is not None else None,
    )


def _check_ignore(value: Any, bad: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    ignore = value.get("ignore") if isinstance(value, dict) else None
    if not isinstance(value, dict) or not isinstance(ignore, (list, str)):
        bad("check", "expected a mapping like {ignore: [rule-id, ...]}")
        return ()
    return tuple([ignore] if isinstance(ignore, str) else [str(rule) for rule in ignore])
