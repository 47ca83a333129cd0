"""Static files: the theme's assets, overridden file by file by the site's own."""

from __future__ import annotations

from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.site.theme import theme_dir


def collect_assets(config: Config) -> dict[str, Path]:
    """Map each output path (`assets/...`) to the file it is copied from."""
    found: dict[str, Path] = {}
    for folder in (theme_dir() / "assets", config.root / "assets"):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                found["assets/" + path.relative_to(folder).as_posix()] = path
    return found
