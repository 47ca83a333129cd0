"""The icon links of every page's head: the theme's favicon, or the site's own from static/."""

from __future__ import annotations

from dataclasses import dataclass

from blogbuild.content.config import Config
from blogbuild.content.staticfiles import static_root_names

# A site's `static/favicon.<suffix>` replaces the theme's icons; an ICO first, so a browser
# that reads SVG icons takes the SVG after it.
_TYPES = {".ico": "image/x-icon", ".png": "image/png", ".svg": "image/svg+xml"}


@dataclass(frozen=True, slots=True)
class Icon:
    """One `<link rel="icon">`."""

    href: str
    type: str
    sizes: str = ""


THEME_ICONS = (
    Icon("/assets/favicon.ico", "image/x-icon", "16x16"),
    Icon("/assets/favicon.svg", "image/svg+xml"),
)


def site_icons(config: Config) -> tuple[Icon, ...]:
    """The site's own favicons at the root of its static folders, else the theme's."""
    own = [
        Icon(f"/{name}", _TYPES[suffix])
        for suffix in _TYPES
        for name in static_root_names(config)
        if name.lower() == f"favicon{suffix}"
    ]
    return tuple(own) or THEME_ICONS
