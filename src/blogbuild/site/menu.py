"""The header's links: blogbuild.yaml's `menu:`, which replaces the theme's own, or else the
pages that stand alone (about, contacts) by their front matter.

A page is in the menu with `menu: true` (blogbuild), with `menu: main` or a `main` entry
under `menu:` (Hugo), or, in a Jekyll site, when it has a title (the minima theme's rule).
Ordered by `weight` (Hugo's, under `menu.main` or at the top), then by title.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from blogbuild.content.config import CONFIG_NAME
from blogbuild.errors import Problems
from blogbuild.site.views import Link, PostView

_MAIN = "main"  # Hugo's menu of the header


def menu_links(
    pages: Sequence[PostView], generator: str, titled: frozenset[str] = frozenset()
) -> tuple[Link, ...]:
    """The pages shown in the header, in order; `titled`: the URLs of the pages whose front
    matter names a title (a Jekyll site shows those)."""
    chosen: list[tuple[float, str, Link]] = []
    for page in pages:
        if page.draft:
            continue
        entry = _entry(page.extra, generator, page.url in titled)
        if entry is None:
            continue
        name = entry.get("name") or page.extra.get("linkTitle") or page.title
        weight = _number(entry.get("weight", page.extra.get("weight")))
        chosen.append((weight, str(name).casefold(), Link(str(name), page.url)))
    return tuple(link for _, _, link in sorted(chosen, key=lambda c: (c[0], c[1], c[2].url)))


def configured_menu(
    items: Sequence[tuple[tuple[str, Any], ...]], pages: Sequence[PostView], problems: Problems
) -> tuple[Link, ...]:
    """The links of blogbuild.yaml's `menu:`, by weight, then as listed; a `page` is a file
    of the pages folder (`about.md`) or of the site (`content/pages/about.md`)."""
    links: list[tuple[float, int, Link]] = []
    for number, item in enumerate(items):
        given = dict(item)
        url = given.get("url")
        if "page" in given:
            wanted = str(given["page"]).strip("/")
            found = [
                p for p in pages if p.source_path == wanted or p.source_path.endswith("/" + wanted)
            ]
            if not found:
                problems.error(CONFIG_NAME, None, f"menu: no page {wanted} for '{given['title']}'")
                continue
            url = found[0].url
        links.append((float(given.get("weight", 0)), number, Link(str(given["title"]), str(url))))
    return tuple(link for *_, link in sorted(links, key=lambda entry: entry[:2]))


def _entry(extra: dict[str, Any], generator: str, titled: bool) -> dict[str, Any] | None:
    """The page's menu entry (its settings, perhaps none), or None when it has none."""
    menu = extra.get("menu")
    if generator == "jekyll" and menu is None:
        return {} if titled else None
    if menu is True or menu == _MAIN:
        return {}
    if isinstance(menu, list) and _MAIN in menu:
        return {}
    if isinstance(menu, dict):
        if generator == "blogbuild" and not any(k == _MAIN for k in menu):
            return menu  # `menu: {weight: 2, name: Контакты}`
        found = menu.get(_MAIN)
        if isinstance(found, list):  # TOML's [[menu.main]]
            found = found[0] if found and isinstance(found[0], dict) else {}
        return found if isinstance(found, dict) else {} if _MAIN in menu else None
    return None


def _number(value: object) -> float:
    """A weight; pages without one come after those with one, as in Hugo."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return float("inf")
