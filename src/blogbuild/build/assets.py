"""Static files: the theme's assets, overridden file by file by the site's own."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.content.loader import post_resources
from blogbuild.site.theme import theme_dir
from blogbuild.site.views import PostView


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


def bundle_files(config: Config, posts: Iterable[PostView]) -> dict[str, Path]:
    """The files of each published post's page bundle, beside its page: `posts/<slug>/x.png`."""
    resources = post_resources(config)
    found: dict[str, Path] = {}
    for post in posts:
        for name, path in resources.get(post.source_path, ()):
            found[f"posts/{post.slug}/{name}"] = path
    return found
