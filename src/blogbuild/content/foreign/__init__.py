"""A Jekyll or Hugo site read in place: its config's settings and its folders.

`find_foreign_site` turns the generator's config into blogbuild's settings (by the `Config`
field they fill) and a `SiteLayout`; what the config says that blogbuild does not use is
named once, in `ForeignSite.notices`.
"""

from __future__ import annotations

from pathlib import Path

from blogbuild.content.foreign.hugo import HUGO_CONFIG_NAMES, read_hugo_site
from blogbuild.content.foreign.jekyll import JEKYLL_CONFIG_NAMES, read_jekyll_site
from blogbuild.content.foreign.site import ForeignSite
from blogbuild.options import OWN_OUTPUT

__all__ = ["ForeignSite", "default_output", "find_foreign_site", "foreign_kind"]

_OWN_CONFIG = "blogbuild.yaml"
# Where each generator writes its site, which the site's .gitignore already leaves out.
GENERATOR_OUTPUT = {"jekyll": "_site", "hugo": "public"}


def default_output(root: Path) -> Path:
    """The output folder of the site at `root` when none is asked for: its generator's."""
    found = foreign_kind(root)
    if found is None:
        return root / OWN_OUTPUT
    kind, folder = found
    return folder / GENERATOR_OUTPUT[kind]


def foreign_kind(root: Path) -> tuple[str, Path] | None:
    """Which generator's site `root` is ("jekyll" or "hugo") and its folder, from the names
    of its config files alone; a folder that is no site itself but holds exactly one (a
    repository that keeps its Hugo site in `hugo/`) is that site."""
    found = _kind_here(root)
    if found is not None:
        return found, root
    if (root / _OWN_CONFIG).exists() or (root / "content" / "posts").is_dir():
        return None
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and p.name[0] not in "._")
    except OSError:
        return None
    inner = [(kind, folder) for folder in folders if (kind := _kind_here(folder)) is not None]
    return inner[0] if len(inner) == 1 else None


def find_foreign_site(root: Path) -> ForeignSite | None:
    """The Jekyll or Hugo site at `root` (or in its one folder), read; None when it is not
    one. Raises BuildFailed, with file and line, for a config the generator could not read."""
    found = foreign_kind(root)
    if found is None:
        return None
    kind, folder = found
    site = read_jekyll_site(folder) if kind == "jekyll" else read_hugo_site(folder)
    if folder != root:
        inner = folder.relative_to(root).as_posix()
        site = site.noting(f"{inner}/", None, f"the site is in {inner}/: built from there")
    return site


def _kind_here(root: Path) -> str | None:
    if any((root / name).is_file() for name in JEKYLL_CONFIG_NAMES):
        return "jekyll"
    if (
        any((root / name).is_file() for name in HUGO_CONFIG_NAMES)
        or (root / "config" / "_default").is_dir()
    ):
        return "hugo"
    return None
