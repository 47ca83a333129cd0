"""The language of a site that does not name one, from what its posts are written in.

An English blog brought without a config must not get a Russian interface and
`<html lang="ru">`: a sample of its posts decides, Cyrillic letters for Russian and Latin
for English. Front matter, code and URLs are mostly Latin in any blog, so only letters
outside fenced code and after the front matter count.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence

_SAMPLE_FILES = 24
_SAMPLE_BYTES = 8192
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n.*?\n\1\n", re.DOTALL)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_URL = re.compile(r"\S*://\S*|\([^)\s]*\)")


def language_of_posts(folders: Sequence[str], default: str) -> str:
    """ "ru" or "en", whichever script most letters of a sample of the posts are in;
    `default` when there are no posts or no letters."""
    files = _post_files(folders)
    if not files:
        return default
    step = max(1, len(files) // _SAMPLE_FILES)
    cyrillic = latin = 0
    for path in files[::step][:_SAMPLE_FILES]:
        text = _prose(path)
        cyrillic += len(_CYRILLIC.findall(text))
        latin += len(_LATIN.findall(text))
    if not cyrillic and not latin:
        return default
    return "ru" if cyrillic >= latin else "en"


def _post_files(folders: Sequence[str]) -> list[str]:
    found = []
    for folder in folders:
        for current, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [
                path
                for name in sorted(names)
                if name.lower().endswith((".md", ".markdown", ".txt", ".html"))
                and _regular(path := os.path.join(current, name))
            ]
    return found


def _regular(path: str) -> bool:
    """A plain file, not a link (which may lead out of the site) nor a pipe (which blocks)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _prose(path: str) -> str:
    try:
        with open(path, "rb") as file:
            text = file.read(_SAMPLE_BYTES).decode("utf-8", errors="ignore")
    except OSError:
        return ""
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"))
    return _URL.sub(" ", _FENCE.sub(" ", text))
