"""A Jekyll site in place: `_config.yml`, `_posts/`, `_drafts/`, `_includes/`, `_data/`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blogbuild.content.baseurl import base_url_problem
from blogbuild.content.foreign.configfile import read_config_file
from blogbuild.content.foreign.site import (
    ForeignSite,
    known_zone,
    language_of,
    mapping,
    text,
    unused_note,
)
from blogbuild.content.layout import SiteLayout
from blogbuild.content.patterns import JEKYLL_DEFAULT, JEKYLL_STYLES
from blogbuild.errors import Problem, Severity

JEKYLL_CONFIG_NAMES = ("_config.yml", "_config.yaml", "_config.toml")
# Jekyll's own settings that change its output and that blogbuild does not follow; every
# other key of the config is the author's own, given to templates as `site.<key>`.
_JEKYLL_UNUSED = frozenset(
    [
        "theme",
        "plugins",
        "gems",
        "markdown",
        "highlighter",
        "kramdown",
        "rdiscount",
        "redcarpet",
        "commonmark",
        "excerpt_separator",
        "paginate_path",
        "collections",
        "collections_dir",
        "sass",
        "keep_files",
        "liquid",
        "safe",
        "incremental",
        "encoding",
        "strict_front_matter",
        "limit_posts",
        "lsi",
        "whitelist",
        "cache_dir",
        "plugins_dir",
        "layouts_dir",
        "destination",
        "source",
        "port",
        "host",
        "detach",
        "livereload",
        "livereload_port",
        "show_dir_listing",
        "baseurl_dev",
        "quiet",
        "verbose",
        "webrick",
        "watch",
        "skip_initial_build",
    ]
)
_JEKYLL_USED = frozenset(
    [
        "title",
        "description",
        "author",
        "url",
        "baseurl",
        "timezone",
        "lang",
        "locale",
        "paginate",
        "permalink",
        "exclude",
        "include",
        "future",
        "show_drafts",
        "unpublished",
        "defaults",
        "markdown_ext",
        "data_dir",
        "includes_dir",
    ]
)
_MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md"


def read_jekyll_site(root: Path) -> ForeignSite:
    """The settings and folders of the Jekyll site at `root`."""
    name = next(n for n in JEKYLL_CONFIG_NAMES if (root / n).is_file())
    raw, lines = read_config_file(root / name, name)
    notices: list[Problem] = []

    def warn(key: str, message: str) -> None:
        notices.append(Problem(name, lines.get(key), f"{key}: {message}", Severity.WARNING))

    settings: dict[str, Any] = {"timezone": "UTC"}  # Jekyll on CI runs in UTC
    _text_settings(raw, settings, warn)
    base = _base_url(raw, warn)
    if base is not None:
        settings["base_url"] = base
    language = raw.get("lang", raw.get("locale"))
    if language is not None:
        if (code := language_of(language)) is not None:
            settings["language"] = code
        else:
            warn("lang", f"blogbuild's interface has no '{language}': the posts' script decides")
    zone = raw.get("timezone")
    if known_zone(zone):
        settings["timezone"] = str(zone).strip()
    elif zone is not None:
        warn("timezone", f"unknown time zone '{zone}': UTC used")
    paginate = raw.get("paginate")
    if isinstance(paginate, int) and not isinstance(paginate, bool) and paginate >= 1:
        settings["posts_per_page"] = paginate
    elif paginate is not None:
        warn("paginate", "expected a whole number of at least 1: not used")
    settings["params"] = {
        key: value for key, value in raw.items()
        if key not in _JEKYLL_USED and key not in _JEKYLL_UNUSED
    }  # fmt: skip
    permalink = _permalink(raw, warn)
    layout = SiteLayout(
        generator="jekyll",
        post_dirs=_posts_dirs(root),
        drafts_dirs=("_drafts",),
        page_dirs=(),  # a Jekyll site's pages are anywhere outside `_` folders: jekyllfiles
        include_dirs=(_folder(raw, "includes_dir", "_includes"),),
        data_dirs=(_folder(raw, "data_dir", "_data"),),
        static_dirs=(),
        permalink=permalink,
        exclude=_patterns(raw.get("exclude")),
        include=_patterns(raw.get("include")),
        post_suffixes=_suffixes(raw.get("markdown_ext")),
        config_files=(name,),
        publish_future=raw.get("future") is True,
        publish_drafts=raw.get("show_drafts") is True,
        publish_unpublished=raw.get("unpublished") is True,
        summary=_summary(name, permalink),
    )
    unused = sorted(str(key) for key in raw if key in _JEKYLL_UNUSED)
    if unused:
        notices.append(unused_note(name, unused, "blogbuild's theme, Markdown and plugins"))
    return ForeignSite(root, layout, settings, tuple(notices))


def _text_settings(raw: dict[str, Any], settings: dict[str, Any], warn: Any) -> None:
    for key in ("title", "description"):
        value = raw.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            settings[key] = str(value).strip()
        elif value is not None:
            warn(key, "expected text: not used")
    author = raw.get("author")
    if isinstance(author, dict):
        author = author.get("name")
    if isinstance(author, str):
        settings["author"] = author.strip()


def _base_url(raw: dict[str, Any], warn: Any) -> str | None:
    """Jekyll's `url` (scheme and host) and `baseurl` (path) as one base URL."""
    url, path = text(raw.get("url")), text(raw.get("baseurl"))
    url, path = url.strip().rstrip("/"), path.strip().strip("/")
    base = f"{url}/{path}/" if path else f"{url}/"
    if base == "/":
        return None
    if (why := base_url_problem(base)) is not None:
        warn("url", f"{why}: not used")
        return None
    return base


def _permalink(raw: dict[str, Any], warn: Any) -> str:
    """The site's post URL pattern: `permalink`, else a posts default's, else Jekyll's."""
    value = raw.get("permalink")
    for default in raw.get("defaults") or ():
        if not isinstance(default, dict) or not isinstance(default.get("values"), dict):
            continue
        scope = mapping(default.get("scope"))
        if scope.get("type", "posts") == "posts" and scope.get("path", "") in ("", "_posts"):
            value = default["values"].get("permalink", value)
    if value is None:
        return JEKYLL_DEFAULT
    if not isinstance(value, str) or not value.strip():
        warn("permalink", f"expected a style ({', '.join(JEKYLL_STYLES)}) or a pattern")
        return JEKYLL_DEFAULT
    return value.strip()


def _posts_dirs(root: Path) -> tuple[str, ...]:
    """`_posts/`, and the `_posts/` of folders below (Jekyll's categories by place)."""
    found = ["_posts"]
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and folder.name[0] not in "._" and (folder / "_posts").is_dir():
            found.append(f"{folder.name}/_posts")
    return tuple(found)


def _patterns(value: object) -> tuple[str, ...]:
    """`exclude:` or `include:`: a list of paths and globs (one alone is a list of one)."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(str(p) for p in items if isinstance(p, str) and p.strip())


def _folder(raw: dict[str, Any], key: str, default: str) -> str:
    value = raw.get(key)
    return value.strip().strip("/") if isinstance(value, str) and value.strip() else default


def _suffixes(value: object) -> tuple[str, ...]:
    names = value if isinstance(value, str) else _MARKDOWN_EXT
    return (*(f".{n.strip().lower()}" for n in names.split(",") if n.strip()), ".html", ".txt")


def _summary(config: str, permalink: str) -> str:
    pattern = JEKYLL_STYLES.get(permalink)
    shown = f"{permalink} ({pattern})" if pattern else permalink
    return f"Jekyll site ({config}): posts from _posts/ and _drafts/, permalink {shown}"
