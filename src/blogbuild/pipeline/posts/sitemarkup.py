"""What posts' Liquid and shortcodes read of the site, made from the config and post files."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.content.dates import strip_date_prefix
from blogbuild.content.layout import SiteLayout
from blogbuild.content.permalinks import post_url
from blogbuild.content.slugs import slugify
from blogbuild.content.sources import confined_files
from blogbuild.content.theme import theme_dir
from blogbuild.hashing import digest, files_digest
from blogbuild.markup.sitedata import PostUrls, SiteData
from blogbuild.markup.snippets import builtin_shortcodes

POST_URLS_MEMO = "post-urls"
_INPUTS: dict[str, str] = {}


def _folders(config: Config) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The site's shortcode folders and include folders (Jekyll's `_includes/` last)."""
    root = config.root
    shortcodes = (str(root / "templates" / "shortcodes"),)
    includes = (str(root / "templates" / "includes"), str(root / "_includes"))
    return shortcodes, includes


def markup_site(config: Config, post_urls: PostUrls) -> SiteData:
    """The site as the templates inside posts see it."""
    shortcodes, includes = _folders(config)
    return SiteData(
        title=config.title,
        base_url=config.base_url,
        language=config.language,
        description=config.description,
        author=config.author,
        params=config.params,
        post_urls=post_urls,
        shortcode_dirs=tuple(f for f in shortcodes if os.path.isdir(f)),
        include_dirs=tuple(f for f in includes if os.path.isdir(f)),
        shortcode_home=(config.layout.shortcode_dirs or SiteLayout().shortcode_dirs)[0],
        root=str(config.root.resolve()),
    )


def template_inputs(config: Config) -> str:
    """A digest of everything but other posts that Liquid and shortcodes in a post can read:
    site values and the shortcode and include templates (the site's and the built-ins)."""
    shortcodes, includes = _folders(config)
    values = repr(
        (config.title, config.base_url, config.language, config.description, config.author,
         sorted(config.params.items()), shortcodes, includes)
    )  # fmt: skip
    known = _INPUTS.get(values)
    if known is None:
        site, theme = config.root.resolve(), theme_dir().resolve()
        folders = [(f, site) for f in (*shortcodes, *includes)]
        files = sorted(
            path
            for folder, root in (*folders, (str(builtin_shortcodes()), theme))
            if os.path.isdir(folder)
            for path in confined_files(Path(folder), root)
        )
        known = digest(f"{values}|{files_digest(files)}")
        _INPUTS[values] = known
    return known


def forget_template_inputs() -> None:
    """Read the template folders again on the next `template_inputs`: once per build, so a
    long-lived process (serve) sees templates change."""
    _INPUTS.clear()


def guessed_post_urls(rel_paths: Iterable[str], known: object) -> PostUrls:
    """Post URLs before the posts are read: as the last build found them (`known`, from the
    cache memo), else as the file name makes them (a `slug:` in front matter is found later)."""
    remembered = known if isinstance(known, Mapping) else {}
    urls = {}
    for rel in rel_paths:
        url = remembered.get(rel)
        if not isinstance(url, str):
            stem = os.path.splitext(os.path.basename(rel))[0]
            url = post_url(slugify(strip_date_prefix(stem)))
        urls[rel] = url
    return PostUrls(urls)
