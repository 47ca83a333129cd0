"""Where the default theme lives: inside the wheel, or at the root of a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # the blogbuild package


@cache
def theme_dir() -> Path:
    """The folder holding the default theme's `templates/` and `assets/`."""
    packaged = _PACKAGE / "theme"
    if (packaged / "templates").is_dir():
        return packaged
    checkout = _PACKAGE.parents[1]  # src/blogbuild -> repository root
    if (checkout / "templates" / "base.html").is_file():
        return checkout
    raise RuntimeError(f"the default theme is missing (looked in {packaged} and {checkout})")
