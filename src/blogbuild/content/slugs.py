"""URL slugs: Cyrillic transliterated to ASCII, everything else reduced to a-z, 0-9 and `-`."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import iuliia

# Mosmetro's scheme gives the plain forms Russian readers expect in URLs:
# "Машинное обучение" -> "mashinnoe-obuchenie" (no apostrophes, no "yo"/"iy" clusters).
_SCHEME = iuliia.MOSMETRO
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# `+` and `#` right after a letter or digit are part of the name: C++, C#, F#, Notepad++
_PLUS_SHARP = re.compile(r"(?<=[^\W_])(?:\+\+|\+|#)(?![^\W_])")
_SPOKEN = {"++": " plus plus ", "+": " plus ", "#": " sharp "}
# A file name may have 255 bytes; long slugs are cut well below, leaving room for a hash.
MAX_SLUG = 255
KEPT_SLUG = 120


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


def term_slug(name: str) -> str:
    """The URL slug of a category or tag: `C++` and `C#` keep what tells them from `C`."""
    return slugify(_PLUS_SHARP.sub(lambda m: _SPOKEN[m.group(0)], name))


def fitted_slug(slug: str) -> tuple[str, bool]:
    """`slug` short enough to be a folder name (at most MAX_SLUG bytes), cut at a word
    boundary and made unique by a short stable hash of the whole; True when it was cut."""
    if len(slug.encode("utf-8")) <= MAX_SLUG:
        return slug, False
    tag = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8]
    room = slug[:KEPT_SLUG]
    cut = room.rfind("-")
    if cut > KEPT_SLUG // 2:
        room = room[:cut]
    return f"{room.rstrip('-')}-{tag}", True
