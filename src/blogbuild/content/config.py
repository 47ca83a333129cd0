"""Site configuration from `blogbuild.yaml`; every key has a default."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from blogbuild.content.language import language_of_posts
from blogbuild.content.layout import SiteLayout
from blogbuild.content.sources import outside_reason
from blogbuild.content.yamlsource import YamlSourceError, key_lines, load_yaml
from blogbuild.errors import BuildFailed, Problem, Problems

CONFIG_NAME = "blogbuild.yaml"
LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
# A stage's own check of its block of settings (`check:`): raises BuildFailed with file:line.
BlockCheck = Callable[[dict[str, Any], str, "int | None"], object]


@dataclass(frozen=True, slots=True)
class Config:
    """Validated site settings."""

    root: Path
    title: str = "Блог"
    description: str = ""
    author: str = ""
    language: str = DEFAULT_LANGUAGE  # else the posts' (language_of_posts)
    timezone: str = "Europe/Moscow"
    base_url: str = "/"
    cname: str = ""  # the custom domain GitHub Pages serves the site at, written to CNAME
    posts_per_page: int = 10
    feed_size: int = 20
    trusted_html: bool = False
    search: bool = True  # the full-text search page and index
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    check: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    layout: SiteLayout = field(default_factory=SiteLayout)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def base_path(self) -> str:
        """The URL path the site lives under, always starting and ending with `/`."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def absolute_base(self) -> str:
        """`base_url` with a trailing slash; empty when no host is configured."""
        if not urlsplit(self.base_url).netloc:
            return ""
        return self.base_url if self.base_url.endswith("/") else self.base_url + "/"

    @property
    def public_base(self) -> str:
        """The best base for URLs read outside the site: absolute if known, else the base path."""
        return self.absolute_base or self.base_path

    @property
    def content_dir(self) -> Path:
        """The first posts folder (a blogbuild site has one: content/posts)."""
        return self.root / self.layout.post_dirs[0]

    def with_base_url(self, base_url: str) -> Config:
        return replace(self, base_url=base_url)


_STRING_KEYS = (
    "title", "description", "author", "language", "timezone", "base_url", "cname", "permalink"
)  # fmt: skip
# A domain name: labels of letters, digits and hyphens (Unicode letters too), dot-separated.
_DOMAIN = re.compile(r"(?=.{1,253}$)(?!-)[\w-]{1,63}(?<!-)(\.(?!-)[\w-]{1,63}(?<!-))+", re.UNICODE)
_INT_KEYS = {"posts_per_page": 1, "feed_size": 1}
_BOOL_KEYS = ("search",)
_DICT_KEYS = ("params", "check", "markdown")


def load_config(
    root: Path, base_url: str | None = None, blocks: Mapping[str, BlockCheck] | None = None
) -> Config:
    """Read and validate the site config; raise BuildFailed listing every problem.

    `blocks` checks the settings a later stage owns (the checker's `check:`), so their
    problems are reported with the others while this stage knows nothing of them.
    """
    path = root / CONFIG_NAME
    rel = CONFIG_NAME
    problems = Problems()
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    if path.exists():
        outside = outside_reason(path, root.resolve())
        if outside:  # not a config to build without: stop, and read nothing
            raise BuildFailed([_problem(rel, None, outside)])
        try:
            text = path.read_text(encoding="utf-8-sig")
            raw = load_yaml(text)
            lines = key_lines(text)
        except UnicodeDecodeError:
            raise BuildFailed([_problem(rel, None, "the file is not UTF-8 text")]) from None
        except YamlSourceError as err:
            raise BuildFailed([_problem(rel, err.line, err.message)]) from None
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise BuildFailed([_problem(rel, 1, "expected a mapping of settings")])
        values = _validate(raw, lines, rel, problems)
    for key, check_block in (blocks or {}).items():
        if key in values:
            try:
                check_block(values[key], rel, lines.get(key))
            except BuildFailed as failed:
                problems.extend(failed.problems)
    if base_url is not None:
        values["base_url"] = base_url
    if "base_url" in values:
        why = base_url_problem(values["base_url"])
        if why:
            problems.error(rel, lines.get("base_url"), f"base_url: {why}")
    if "cname" in values:
        values["cname"] = values["cname"].strip().lower()
        if not _DOMAIN.fullmatch(values["cname"]):
            problems.error(
                rel, lines.get("cname"), f"cname: '{values['cname']}' is not a domain name; "
                "give the host alone, such as blog.example.com (no https://, no path)",
            )  # fmt: skip
    layout = SiteLayout()
    if "permalink" in values:
        layout = SiteLayout(permalink=values.pop("permalink"))
    values["layout"] = layout
    if "language" not in values:  # an English blog must not get a Russian interface
        folders = [str(root / name) for name in (*layout.post_dirs, *layout.drafts_dirs)]
        values["language"] = language_of_posts(folders, DEFAULT_LANGUAGE)
    problems.raise_if_errors()
    return Config(root=root, **values)


def _validate(
    raw: dict[str, Any], lines: dict[str, int], rel: str, problems: Problems
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = lines.get(str(key))
        if key in _STRING_KEYS:
            if not isinstance(value, str):
                problems.error(rel, line, f"{key}: expected text, got {_kind(value)}")
                continue
            values[key] = value
        elif key in _INT_KEYS:
            if isinstance(value, bool) or not isinstance(value, int) or value < _INT_KEYS[key]:
                problems.error(
                    rel, line, f"{key}: expected a whole number of at least {_INT_KEYS[key]}"
                )
                continue
            values[key] = value
        elif key in _BOOL_KEYS:
            if not isinstance(value, bool):
                problems.error(rel, line, f"{key}: expected true or false, got {_kind(value)}")
                continue
            values[key] = value
        elif key in _DICT_KEYS:
            if value is None:
                continue
            if not isinstance(value, dict):
                problems.error(rel, line, f"{key}: expected a mapping, got {_kind(value)}")
                continue
            if key == "markdown":
                _markdown_options(value, values, rel, line, problems)
            else:
                values[key] = value
        else:
            known = ", ".join(sorted((*_STRING_KEYS, *_INT_KEYS, *_BOOL_KEYS, *_DICT_KEYS)))
            problems.error(
                rel, line, f"unknown setting '{key}' (known: {known}; put your own under params:)"
            )
    if "language" in values and values["language"] not in LANGUAGES:
        problems.error(
            rel,
            lines.get("language"),
            f"language: '{values['language']}' is not one of {', '.join(LANGUAGES)}",
        )
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            problems.error(
                rel, lines.get("timezone"), f"timezone: unknown time zone '{values['timezone']}'"
            )
    return values


def _markdown_options(
    value: dict[str, Any], values: dict[str, Any], rel: str, line: int | None, problems: Problems
) -> None:
    for option, setting in value.items():
        if option == "trusted_html" and isinstance(setting, bool):
            values["trusted_html"] = setting
        elif option == "trusted_html":
            problems.error(rel, line, "markdown.trusted_html: expected true or false")
        else:
            problems.error(rel, line, f"markdown: unknown option '{option}' (known: trusted_html)")


def base_url_problem(base_url: str) -> str | None:
    """What is wrong with a base URL (from the config, --base-url or the environment), or None."""
    parts = urlsplit(base_url)
    web_url = parts.scheme in ("http", "https") and bool(parts.netloc)
    if not web_url and not (not parts.scheme and base_url.startswith("/")):
        return f"'{base_url}' must be an http(s) URL or a path such as /blog/"
    return None


def _kind(value: Any) -> str:
    return type(value).__name__ if value is not None else "nothing"


def _problem(path: str, line: int | None, message: str) -> Problem:
    return Problem(path, line, message)
