"""URL slugs: Cyrillic transliterated to ASCII, everything else reduced to a-z, 0-9 and `-`."""

from __future__ import annotations

import re
import unicodedata

import iuliia

# Mosmetro's scheme gives the plain forms Russian readers expect in URLs:
# "Машинное обучение" -> "mashinnoe-obuchenie" (no apostrophes, no "yo"/"iy" clusters).
_SCHEME = iuliia.MOSMETRO
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def slugify(text: str) -> str:
    """Turn a title or a category name into a URL slug; may return an empty string."""
    if _CYRILLIC.search(text):
        text = _SCHEME.translate(text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def unsafe_slug_reason(slug: str) -> str | None:
    """Say why a slug given by a writer cannot be a folder name under the output, if it can't."""
    if not slug.strip():
        return "the slug is empty"
    if "/" in slug or "\\" in slug:
        return f"slug '{slug}' contains a path separator"
    if slug in (".", "..") or ".." in slug:
        return f"slug '{slug}' would leave the output folder"
    if any(ord(ch) < 32 for ch in slug):
        return f"slug '{slug}' contains control characters"
    return None
