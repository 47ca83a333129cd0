"""Copied files: the theme's assets, overridden file by file by the site's own; page
bundles' files; and the site's root files from static/, checked against the generated ones."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.content.loader import post_resources, relative_path
from blogbuild.content.permalinks import page_folder
from blogbuild.content.sources import entries_under, unreadable_reason
from blogbuild.content.theme import theme_dir
from blogbuild.errors import Problems
from blogbuild.site.hosting import NOJEKYLL
from blogbuild.site.sitemap import SITEMAP_URL
from blogbuild.site.urls import absolute
from blogbuild.site.views import PostView


def collect_assets(config: Config, problems: Problems | None = None) -> dict[str, Path]:
    """Map each output path (`assets/...`) to the file it is copied from; links that leave
    the site (or the theme), dangle or loop, and files that are no regular files, are left
    out with a warning."""
    found: dict[str, Path] = {}
    root = config.root.resolve()
    folders = [(theme_dir() / "assets", theme_dir().resolve())]
    if config.layout.generator == "blogbuild":  # a Jekyll site's assets/ are its own files
        folders.append((config.root / "assets", root))
    for folder, inside in folders:
        if not folder.is_dir():
            continue
        for rel, path in _files(folder, inside, root, problems):
            found["assets/" + rel] = path
    return found


def _files(
    folder: Path, inside: Path, root: Path, problems: Problems | None
) -> list[tuple[str, Path]]:
    """(relative POSIX path, file) below `folder`, hidden files left out, in path order."""
    found = []
    for rel, entry in entries_under(folder):
        if entry.is_dir(follow_symlinks=False) or entry.name.startswith("."):
            continue
        if entry.is_file(follow_symlinks=False) or not (reason := unreadable_reason(entry, inside)):
            found.append((rel, Path(entry.path)))
        elif problems is not None:
            problems.warning(relative_path(Path(entry.path), root), None, reason)
    return sorted(found)


def bundle_files(config: Config, posts: Iterable[PostView]) -> dict[str, Path]:
    """The files of each published post's page bundle, beside its page: `posts/<slug>/x.png`."""
    resources = post_resources(config)
    found: dict[str, Path] = {}
    for post in posts:
        for name, path in resources.get(post.source_path, ()):
            found[page_folder(post.url).lstrip("/") + name] = path
    return found


# Generated root files a site's static/ may replace; any other generated file it would
# replace is an error, since one of the two would silently be lost.
REPLACEABLE = ("robots.txt", NOJEKYLL)


def replaced_by_static(
    config: Config, root_files: dict[str, Path], problems: Problems
) -> frozenset[str]:
    """The generated files that the site's static files replace; a robots.txt that leaves
    crawlers without the sitemap is a warning."""
    replaced = frozenset(rel for rel in REPLACEABLE if rel in root_files)
    if "robots.txt" in replaced:
        source = root_files["robots.txt"]
        text = source.read_bytes().decode("utf-8", "replace")
        if not any(line.strip().lower().startswith("sitemap:") for line in text.splitlines()):
            sitemap = absolute(SITEMAP_URL, config.public_base)
            problems.warning(
                relative_path(source, config.root), None,
                f"replaces the generated robots.txt and has no Sitemap: line; add "
                f"'Sitemap: {sitemap}' so that crawlers find the sitemap",
            )  # fmt: skip
    return replaced


def static_collisions(
    config: Config,
    root_files: dict[str, Path],
    generated: set[str],
    assets: dict[str, Path],
    problems: Problems,
) -> None:
    """An error for each static file that would take the place of a generated page or file,
    or of a theme, site or bundle asset, naming both."""
    for rel, source in root_files.items():
        if rel in REPLACEABLE:
            continue
        shown = relative_path(source, config.root)
        if rel in assets:
            other = _shown_source(assets[rel], config)
            problems.error(shown, None, f"would be copied to {rel}, as {other} is: keep one")
        elif rel in generated:
            problems.error(
                shown, None, f"would replace {rel}, which the build makes: rename or remove it"
            )


def kept_copies(copies: dict[str, Path], made: set[str], problems: Problems) -> dict[str, Path]:
    """A Jekyll site's copied files, less those blogbuild's theme or build makes itself
    (its own stylesheet, feed or 404): those are named in one warning, not copied."""
    clashes = sorted(rel for rel in copies if rel in made)
    if clashes:
        shown = ", ".join(clashes[:12]) + (
            f" and {len(clashes) - 12} more" if len(clashes) > 12 else ""
        )
        problems.warning("", None, f"not copied, as blogbuild makes its own: {shown}")
    return {rel: path for rel, path in copies.items() if rel not in made}


def _shown_source(path: Path, config: Config) -> str:
    theme = theme_dir()
    if path.is_relative_to(theme):
        return f"the theme's {path.relative_to(theme).as_posix()}"
    return relative_path(path, config.root)
