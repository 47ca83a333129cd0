"""Where a site keeps its sources and writes its output.

A blogbuild site has one layout; a Jekyll or Hugo site built in place has its generator's
(`_posts/`, `_includes/`, `content/<section>/`, `static/`, `_site/` or `public/`). Every stage
asks the layout, so no folder name is spelled outside this module and the readers of those
generators' configs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from blogbuild.content.patterns import DEFAULT_PERMALINK

Generator = Literal["blogbuild", "jekyll", "hugo"]
# The list of files blogbuild wrote, in each output folder: it marks the folder as blogbuild's.
MANIFEST_NAME = ".blogbuild-manifest.json"


@dataclass(frozen=True, slots=True)
class SiteLayout:
    """The folders of a site, relative to its root, in POSIX form."""

    generator: Generator = "blogbuild"
    post_dirs: tuple[str, ...] = ("content/posts",)
    drafts_dirs: tuple[str, ...] = ()  # Jekyll's `_drafts/`: posts that are drafts by place
    # Pages that stand alone (about, contacts): any depth below these folders. A Jekyll site's
    # pages are its files with front matter outside `_` folders (`content/foreign/jekyllfiles`);
    # a Hugo site's, the files at the top of `content/` and its sections that hold no posts.
    page_dirs: tuple[str, ...] = ("content/pages",)
    include_dirs: tuple[str, ...] = ("templates/includes", "_includes")
    shortcode_dirs: tuple[str, ...] = ("templates/shortcodes",)
    data_dirs: tuple[str, ...] = ()  # `_data/`, Hugo `data/`: read by posts' templates
    static_dirs: tuple[str, ...] = ("static",)  # copied to the site root as they are
    # A post's URL: the site's pattern, and per posts folder (Hugo's sections) its own.
    permalink: str = DEFAULT_PERMALINK
    section_permalinks: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    content_dir: str = ""  # Hugo's `content/`: a post's section is its first folder below it
    lower_case_urls: bool = True  # Hugo lower-cases URLs unless `disablePathToLower`
    post_suffixes: tuple[str, ...] = (".md", ".markdown", ".txt")  # Jekyll and Hugo add .html
    config_files: tuple[str, ...] = ()  # the generator's config files that were read
    # What the generator's config publishes that blogbuild leaves out unless asked for.
    publish_future: bool = False
    publish_drafts: bool = False
    publish_unpublished: bool = False  # Jekyll's `published: false` posts
    exclude: tuple[str, ...] = ()  # glob patterns of files the generator leaves out
    include: tuple[str, ...] = ()  # and of those it reads all the same (Jekyll's `.htaccess`)
    # One line saying what was found: "Jekyll site: _posts/ (175), _config.yml: permalink pretty".
    summary: str = ""
