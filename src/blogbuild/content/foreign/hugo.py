"""A Hugo site in place: `hugo.toml` (or `config.*`, `config/_default/`), `content/`,
`static/`, `data/` and `layouts/shortcodes/`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from blogbuild.content.baseurl import base_url_problem
from blogbuild.content.foreign.configfile import read_config_file
from blogbuild.content.foreign.site import (
    ForeignSite,
    known_zone,
    language_of,
    mapping,
    unused_note,
)
from blogbuild.content.layout import SiteLayout
from blogbuild.errors import Problem, Severity

HUGO_CONFIG_NAMES = tuple(
    f"{stem}.{ext}" for stem in ("hugo", "config") for ext in ("toml", "yaml", "yml", "json")
)
_DEFAULT_DIR = "config/_default"
# The settings blogbuild follows (Hugo's keys are read without regard to case).
_USED = frozenset(
    [
        "title",
        "baseurl",
        "languagecode",
        "defaultcontentlanguage",
        "timezone",
        "paginate",
        "pagination",
        "permalinks",
        "builddrafts",
        "buildfuture",
        "params",
        "author",
        "contentdir",
        "staticdir",
        "datadir",
        "disablepathtolower",
        "markup",
    ]
)
_UNSAFE = ("goldmark", "renderer", "unsafe")


def read_hugo_site(root: Path) -> ForeignSite:
    """The settings and folders of the Hugo site at `root`."""
    raw, shown = _merged_config(root)
    notices: list[Problem] = []
    config = {str(key).lower(): value for key, value in raw.items()}

    def warn(key: str, message: str) -> None:
        notices.append(Problem(shown, None, f"{key}: {message}", Severity.WARNING))

    settings: dict[str, Any] = {"timezone": "UTC"}  # Hugo reads dates without offset as UTC
    params = mapping(config.get("params"))
    for key, source in (("title", config.get("title")), ("description", params.get("description"))):
        if isinstance(source, str) and source.strip():
            settings[key] = source.strip()
    author = config.get("author", params.get("author"))
    author = author.get("name") if isinstance(author, dict) else author
    if isinstance(author, str) and author.strip():
        settings["author"] = author.strip()
    base = config.get("baseurl")
    if isinstance(base, str) and base.strip():
        base = base.strip() if base.strip().endswith("/") else base.strip() + "/"
        if (why := base_url_problem(base)) is None:
            settings["base_url"] = base
        else:
            warn("baseURL", f"{why}: not used")
    language = config.get("languagecode", config.get("defaultcontentlanguage"))
    if language is not None:
        if (code := language_of(language)) is not None:
            settings["language"] = code
        else:
            warn(
                "languageCode",
                f"blogbuild's interface has no '{language}': the posts' script decides",
            )
    zone = config.get("timezone")
    if known_zone(zone):
        settings["timezone"] = str(zone).strip()
    elif zone is not None:
        warn("timezone", f"unknown time zone '{zone}': UTC used")
    size = _pager_size(config)
    if size is not None:
        settings["posts_per_page"] = size
    settings["params"] = params
    markup = mapping(config.get("markup"))
    if _dig(markup, _UNSAFE) is True:
        settings["trusted_html"] = True  # the author asked Hugo to pass raw HTML through
    content = _dir(config, "contentdir", "content")
    sections = _main_sections(root, content, _param(params, "mainsections"))
    layout = SiteLayout(
        generator="hugo",
        post_dirs=sections,
        page_dirs=(content,),
        drafts_dirs=(),
        include_dirs=(),
        shortcode_dirs=_shortcode_dirs(root, config.get("theme")),
        data_dirs=(_dir(config, "datadir", "data"),),
        static_dirs=_static_dirs(config),
        permalink="",
        section_permalinks=_permalinks(config.get("permalinks"), warn),
        content_dir=content,
        lower_case_urls=config.get("disablepathtolower") is not True,
        post_suffixes=(".md", ".markdown", ".mdown", ".html", ".htm", ".txt"),
        config_files=(shown,),
        publish_future=config.get("buildfuture") is True,
        publish_drafts=config.get("builddrafts") is True,
        summary=f"Hugo site ({shown}): posts from {', '.join(d + '/' for d in sections)}, "
        f"pages from the rest of {content}/, " + _permalinks_shown(config.get("permalinks")),
    )
    unused = sorted(str(key) for key in raw if str(key).lower() not in _USED)
    unused += [f"markup.{key}" for key in _flat_keys(markup) if key != ".".join(_UNSAFE)]
    if unused:
        notices.append(unused_note(shown, unused, "blogbuild's theme and Markdown"))
    return ForeignSite(root, layout, settings, tuple(notices))


def _merged_config(root: Path) -> tuple[dict[str, Any], str]:
    """The site config file, or `config/_default/`'s files merged as Hugo does (`params.toml`
    is the `params` key); and how to name it in messages."""
    for name in HUGO_CONFIG_NAMES:
        if (root / name).is_file():
            return read_config_file(root / name, name)[0], name
    merged: dict[str, Any] = {}
    for path in sorted((root / _DEFAULT_DIR).iterdir()):
        if path.suffix.lower() not in (".toml", ".yaml", ".yml", ".json") or not path.is_file():
            continue
        data = read_config_file(path, f"{_DEFAULT_DIR}/{path.name}")[0]
        if path.stem.lower() in ("hugo", "config"):
            merged.update(data)
        else:
            merged[path.stem] = data
    return merged, f"{_DEFAULT_DIR}/"


def _pager_size(config: dict[str, Any]) -> int | None:
    pagination = config.get("pagination")
    size = pagination.get("pagerSize") if isinstance(pagination, dict) else None
    size = size if size is not None else config.get("paginate")
    ok = isinstance(size, int) and not isinstance(size, bool) and size >= 1
    return size if ok else None


def _dir(config: dict[str, Any], key: str, default: str) -> str:
    value = config.get(key)
    return value.strip().strip("/") if isinstance(value, str) and value.strip() else default


def _static_dirs(config: dict[str, Any]) -> tuple[str, ...]:
    value = config.get("staticdir", "static")
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(n.strip("/") for n in names if isinstance(n, str) and n.strip()) or ("static",)


def _main_sections(root: Path, content: str, given: object) -> tuple[str, ...]:
    """The sections whose pages are posts: `params.mainSections` when set, else each
    section whose pages are dated (a section of undated pages, `pages/`, holds pages, as do
    the files at the top of `content/` and its leaf bundles)."""
    folder = root / content
    if not folder.is_dir():
        return (content,)
    names = [given] if isinstance(given, str) else given if isinstance(given, list) else []
    chosen = [f"{content}/{n.strip('/')}" for n in names if isinstance(n, str) and n.strip()]
    if chosen:
        return tuple(chosen)
    sections = [
        p for p in sorted(folder.iterdir())
        if p.is_dir() and p.name[0] not in "._" and not _is_leaf_bundle(p)
    ]  # fmt: skip
    dated = [f"{content}/{p.name}" for p in sections if _holds_dated_pages(p)]
    return tuple(dated) or tuple(f"{content}/{p.name}" for p in sections) or (content,)


def _param(params: dict[str, Any], key: str) -> object:
    """A `params` value, its key in any case, as Hugo reads keys."""
    return next((value for name, value in params.items() if str(name).lower() == key), None)


def _is_leaf_bundle(folder: Path) -> bool:
    """`content/about/index.md`: a page with its files, not a section."""
    return any((folder / f"index{suffix}").is_file() for suffix in (".md", ".markdown", ".html"))


_DATE_LINE = re.compile(r"^\s*\"?date\"?\s*[:=]", re.MULTILINE)
_SAMPLE = 20  # files read of a section to tell whether its pages are dated


def _holds_dated_pages(folder: Path) -> bool:
    """Whether the first pages of a section carry a date, in front matter or file name."""
    seen = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in (".md", ".markdown", ".html") or path.name[0] == "_":
            continue
        if re.match(r"\d{4}-\d{2}-\d{2}", path.name):
            return True
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        except OSError:
            continue
        if _DATE_LINE.search(head):
            return True
        seen += 1
        if seen >= _SAMPLE:
            return False
    return False


def _shortcode_dirs(root: Path, theme: object) -> tuple[str, ...]:
    found = ["layouts/shortcodes", "layouts/_shortcodes"]
    themes = [theme] if isinstance(theme, str) else theme if isinstance(theme, list) else []
    for name in themes:
        if isinstance(name, str):
            found += [f"themes/{name}/layouts/shortcodes", f"themes/{name}/layouts/_shortcodes"]
    return tuple(found)


def _permalinks(value: object, warn: Any) -> dict[str, str]:
    """`[permalinks]` by section; Hugo 0.123's `[permalinks.page]` too."""
    if not isinstance(value, dict):
        return {}
    if isinstance(value.get("page"), dict):
        value = mapping(value["page"])
    found = {}
    for section, pattern in value.items():
        if isinstance(pattern, str) and pattern.strip():
            found[str(section)] = pattern.strip()
        elif not isinstance(pattern, dict):
            warn(f"permalinks.{section}", "expected a pattern such as /:year/:slug/")
    return found


def _permalinks_shown(value: object) -> str:
    if not isinstance(value, dict) or not value:
        return "URLs from the folders"
    items = mapping(value.get("page")) or value
    return "permalinks " + ", ".join(f"{k} {v}" for k, v in items.items() if isinstance(v, str))


def _dig(mapping: dict[str, Any], path: tuple[str, ...]) -> Any:
    current: Any = mapping
    for key in path:
        if not isinstance(current, dict):
            return None
        current = {str(k).lower(): v for k, v in current.items()}.get(key)
    return current


def _flat_keys(mapping: dict[str, Any], prefix: str = "") -> list[str]:
    keys = []
    for key, value in mapping.items():
        name = f"{prefix}{str(key).lower()}"
        keys += _flat_keys(value, name + ".") if isinstance(value, dict) else [name]
    return keys
