"""Validating a post's front matter into typed fields; unknown keys are kept for templates.

A known key whose value has a shape that cannot be used is a warning and the post builds
without it, as Jekyll and Hugo would build it; only an unreadable date is an error.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from blogbuild.content.dates import DateError, read_date
from blogbuild.content.safeurl import is_media_url
from blogbuild.errors import Problems
from blogbuild.model import AiProvenance

_SPLIT_COMMAS = re.compile(r"\s*,\s*")
_UPDATED_KEYS = ("updated", "lastmod", "last_modified_at")
_DATE_KEYS = ("date", "publishdate", "pubdate")  # the first one given counts (Hugo's order)
KNOWN_KEYS = frozenset(
    {
        "title", *_DATE_KEYS, *_UPDATED_KEYS, "categories", "category", "tags", "tag", "draft",
        "published", "description", "summary", "image", "slug", "ai", "check",
    }
)  # fmt: skip
# Where themes keep an image's URL when `image:` is a mapping (Minimal Mistakes, Hugo themes).
_IMAGE_URL_KEYS = ("path", "src", "url", "feature", "image", "file")
_FLAG_WORDS = {
    **dict.fromkeys(("true", "yes", "on", "да"), True),
    **dict.fromkeys(("false", "no", "off", "нет"), False),
}
Report = Callable[[str, str], None]


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


def known_key_view(
    meta: dict[str, Any], lines: dict[str, int]
) -> tuple[dict[str, Any], dict[str, int]]:
    """Known keys written in another case (`Title`, Hugo reads keys without regard to case)
    under their own names, unless the lower-case key is there too."""
    view, view_lines = dict(meta), dict(lines)
    for key in meta:
        lower = key.lower()
        if lower != key and lower in KNOWN_KEYS and lower not in meta:
            view[lower] = view.pop(key)
            if key in lines:
                view_lines[lower] = lines[key]
    return view, view_lines


def read_meta(
    meta: dict[str, Any], lines: dict[str, int], path: str, tz: ZoneInfo, problems: Problems
) -> PostMeta:
    """Validate known keys, reporting each bad value at its line; keep the rest in `extra`."""
    meta, lines = known_key_view(meta, lines)

    def warn(key: str, message: str) -> None:
        problems.warning(path, lines.get(key), f"{key}: {message}")

    fields = PostMeta(extra={k: v for k, v in meta.items() if k not in KNOWN_KEYS})
    fields.title = _unescaped(_text(meta, "title", warn))
    fields.description = _unescaped(
        _text(meta, "description", warn) or _text(meta, "summary", warn)
    )
    if "description" in meta and meta["description"] is not None and fields.description is None:
        fields.description = ""  # present but empty: kept so the linter can say so
    fields.image = _image(meta, fields.extra, warn)
    if fields.image is not None and not is_media_url(fields.image):
        # The cover goes into <img src>, og:image and every feed: only what can be an image.
        warn("image", "not a web, relative or data:image URL; left out")
        fields.image = None
    fields.slug = _text(meta, "slug", warn)
    # Hugo's `published` may be a date (an alias of publishDate), Jekyll's is a flag
    published_date = _is_date_like(meta.get("published"))
    date_keys = (*_DATE_KEYS, "published") if published_date else _DATE_KEYS
    for key in (*date_keys, *_UPDATED_KEYS):
        if meta.get(key) is None or (key in date_keys and fields.date is not None):
            continue
        try:
            read = read_date(meta[key], tz)
        except DateError as err:
            problems.error(path, lines.get(key), f"{key}: {err}")
            continue
        if read.note:
            warn(key, read.note)
        if key in date_keys:
            fields.date = read.moment
        else:
            fields.updated = fields.updated or read.moment
    fields.categories = _terms(meta, ("categories", "category"), warn)
    fields.tags = _terms(meta, ("tags", "tag"), warn)
    unpublished = not published_date and not _flag(meta, "published", True, warn)
    fields.draft = _flag(meta, "draft", False, warn) or unpublished
    fields.ai = _ai(meta.get("ai"), warn)
    fields.check_ignore = _check_ignore(meta.get("check"), warn)
    return fields


def shown(value: object, limit: int = 60) -> str:
    """A short printable form of any value, for messages; never raises."""
    try:
        text = repr(value) if not isinstance(value, (list, dict)) else type(value).__name__
    except (ValueError, RecursionError):  # an int of thousands of digits, a deep structure
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_date_like(value: object) -> bool:
    """A date, or text that starts like one: `published: 2020-01-01`."""
    return isinstance(value, date) or (isinstance(value, str) and value.strip()[:1].isdigit())


def _kind(value: object) -> str:
    return {"NoneType": "nothing", "dict": "a mapping", "list": "a list"}.get(
        type(value).__name__, type(value).__name__
    )


def _unescaped(text: str | None) -> str | None:
    """Titles copied from WordPress carry entities (`I&#8217;ve`): shown once, as meant."""
    return html.unescape(text) if text and "&" in text else text


def _scalar_text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return str(value)
        except ValueError:  # an int too long to print
            return None
    return None


def _text(meta: dict[str, Any], key: str, warn: Report) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    text = _scalar_text(value)
    if text is None:
        warn(key, f"expected text, got {_kind(value)}: left out")
        return None
    return text.strip() or None


def _image(meta: dict[str, Any], extra: dict[str, Any], warn: Report) -> str | None:
    """`image: x.png`, or a mapping as themes write it (`{path: ..., thumbnail: ...}`,
    `{feature: ...}`, `{src: ..., alt: ...}`): the URL is taken, the mapping kept in extra."""
    value = meta.get("image")
    if value is None or isinstance(value, str):
        return _text(meta, "image", warn)
    if isinstance(value, dict):
        extra["image"] = value
        for name in _IMAGE_URL_KEYS:
            url = value.get(name)
            if isinstance(url, str) and url.strip():
                return url.strip()
        warn("image", f"no URL under {', '.join(_IMAGE_URL_KEYS)} in the mapping: no image")
        return None
    if isinstance(value, list):
        urls = [item.strip() for item in value if isinstance(item, str) and item.strip()]
        if urls:
            extra["image"] = value
            return urls[0]
    warn("image", f"expected a URL, got {_kind(value)}: no image")
    return None


def _flag(meta: dict[str, Any], key: str, default: bool, warn: Report) -> bool:
    value = meta.get(key, default)
    if isinstance(value, bool):
        return value
    if value is None:
        return default
    if isinstance(value, str) and value.strip().lower() in _FLAG_WORDS:
        return _FLAG_WORDS[value.strip().lower()]
    warn(key, f"expected true or false, got {shown(value)}: taken as {str(default).lower()}")
    return default


def _terms(meta: dict[str, Any], keys: tuple[str, str], warn: Report) -> tuple[str, ...]:
    """`tags: [a, b]`, `tags: "a, b"`, `tags: a b` (Jekyll), or `tag: One Name` kept whole;
    numbers are names, nested lists are flattened, empty items and mappings are left out."""
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
        elif isinstance(value, list):
            parts, unusable = _names(value)
            if unusable:
                warn(key, f"{unusable} item(s) that are not names left out")
        else:
            text = _scalar_text(value)
            if text is None:
                warn(key, f"expected a list of names or one name, got {_kind(value)}: left out")
                continue
            parts = [text]
        found.extend(part.strip() for part in parts if part.strip())
    unique = dict.fromkeys(found)  # keeps the writer's order, drops repeats
    return tuple(unique)


def _names(items: list[Any]) -> tuple[list[str], int]:
    """Every name in a list, nested lists flattened; and how many items were not names."""
    names: list[str] = []
    unusable = 0
    for item in _flattened(items):
        text = _scalar_text(item)
        if text is None or not text.strip():
            unusable += 1
        else:
            names.append(text)
    return names, unusable


def _flattened(items: list[Any]) -> Iterator[Any]:
    stack = [iter(items)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            yield item
        else:
            stack.pop()


def _ai(value: Any, warn: Report) -> AiProvenance | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        warn("ai", "expected a mapping with model, generated and reviewed_by: left out")
        return None
    unknown = sorted(str(key) for key in set(value) - {"model", "generated", "reviewed_by"})
    if unknown:
        warn(
            "ai",
            f"unknown key(s) {', '.join(unknown)} (known: model, generated, reviewed_by)",
        )
    generated = value.get("generated", True)
    if not isinstance(generated, bool):
        warn("ai", "generated: expected true or false: taken as true")
        generated = True
    model, reviewer = _scalar_text(value.get("model")), _scalar_text(value.get("reviewed_by"))
    for name, given, text in (
        ("model", value.get("model"), model),
        ("reviewed_by", value.get("reviewed_by"), reviewer),
    ):
        if given is not None and text is None:
            warn("ai", f"{name}: expected text, got {_kind(given)}: left out")
    return AiProvenance(model=model, generated=generated, reviewed_by=reviewer)


def _check_ignore(value: Any, warn: Report) -> tuple[str, ...]:
    if value is None:
        return ()
    ignore = value.get("ignore") if isinstance(value, dict) else None
    if not isinstance(value, dict) or not isinstance(ignore, (list, str)):
        warn("check", "expected a mapping like {ignore: [rule-id, ...]}: left out")
        return ()
    if isinstance(ignore, str):
        return (ignore,)
    return tuple(text for rule in ignore if (text := _scalar_text(rule)) is not None)
