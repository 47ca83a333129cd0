"""Site configuration from `blogbuild.yaml`; every key has a default.

Each key is declared once, as a `setting(...)` on the `Config` field it fills (or in
`LAYOUT_SETTINGS` for the folders and patterns of `SiteLayout`): its name, type (the type of
its default), bounds and one-line doc drive the validation here, the settings table in
README.md and the commented example config that `blogbuild init` writes (`settingsdoc`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from blogbuild.content.baseurl import base_url_problem
from blogbuild.content.foreign import ForeignSite, find_foreign_site
from blogbuild.content.language import language_of_posts
from blogbuild.content.layout import SiteLayout
from blogbuild.content.patterns import DEFAULT_PERMALINK
from blogbuild.content.sources import outside_reason
from blogbuild.content.yamlsource import YamlSourceError, key_lines, load_yaml
from blogbuild.errors import BuildFailed, Problem, Problems, Severity

CONFIG_NAME = "blogbuild.yaml"
LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
# A stage's own check of its block of settings (`check:`): raises BuildFailed with file:line.
BlockCheck = Callable[[dict[str, Any], str, "int | None"], object]
_SETTING = "blogbuild.setting"  # the key of a Config field's metadata that declares its setting
_LAYOUT = "layout."


@dataclass(frozen=True, slots=True)
class Setting:
    """One key of blogbuild.yaml: how it is written, read, checked and documented."""

    key: str  # as written; `markdown.trusted_html` is the option `trusted_html` of `markdown:`
    default: Any  # its type is the setting's: str, int, bool or dict
    doc: str  # one line, for the README table and the example config
    target: str = ""  # the Config field it fills, or `layout.<field>` of SiteLayout
    minimum: int | None = None  # numbers only
    choices: tuple[str, ...] = ()
    tidy: Callable[[Any], Any] | None = None  # the value as kept, before it is checked
    check: Callable[[Any], str | None] | None = None  # what is wrong with a value, or None
    example: str = ""  # a key unset by default: the value the example config suggests

    @property
    def kind(self) -> type:
        return type(self.default)

    @property
    def section(self) -> str:
        """The top-level key it is written under (`markdown` for `markdown.trusted_html`)."""
        return self.key.partition(".")[0]


def setting(default: Any, doc: str, *, key: str = "", **details: Any) -> Any:
    """A Config field that is a key of blogbuild.yaml (named like the field unless `key`)."""
    declared = {"key": key, "default": default, "doc": doc, **details}
    if isinstance(default, dict):  # a fresh mapping each time; not part of equality
        return field(default_factory=dict, hash=False, compare=False, metadata={_SETTING: declared})
    return field(default=default, metadata={_SETTING: declared})


def _timezone_problem(name: str) -> str | None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown time zone '{name}'"
    return None


# A domain name: labels of letters, digits and hyphens (Unicode letters too), dot-separated.
_DOMAIN = re.compile(r"(?=.{1,253}$)(?!-)[\w-]{1,63}(?<!-)(\.(?!-)[\w-]{1,63}(?<!-))+", re.UNICODE)


def _domain_problem(name: str) -> str | None:
    if _DOMAIN.fullmatch(name):
        return None
    return (
        f"'{name}' is not a domain name; "
        "give the host alone, such as blog.example.com (no https://, no path)"
    )


_MENU_KEYS = ("title", "url", "page", "weight")


def _menu_item_problem(item: tuple[tuple[str, Any], ...]) -> str | None:
    """What is wrong with one entry of `menu:` (a mapping, as pairs), or None."""
    given = dict(item)
    unknown = [key for key in given if key not in _MENU_KEYS]
    if unknown:
        return f"unknown key '{unknown[0]}' in an item (known: {', '.join(_MENU_KEYS)})"
    if not isinstance(given.get("title"), str) or not given["title"].strip():
        return "each item needs a `title`"
    if sum(isinstance(given.get(key), str) for key in ("url", "page")) != 1:
        return f"'{given['title']}' needs one of `url` (an address) or `page` (about.md)"
    weight = given.get("weight", 0)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)):
        return f"'{given['title']}': `weight` must be a number"
    return None


@dataclass(frozen=True, slots=True)
class Config:
    """Validated site settings."""

    root: Path
    title: str = setting("Блог", "site title")
    description: str = setting("", "one-line summary, shown on the home page and in feeds")
    author: str = setting("", "default author (feeds, JSON-LD)")
    language: str = setting(
        DEFAULT_LANGUAGE, "`ru` or `en`: theme strings and date formats (unset: the posts' "
        "script decides)", choices=LANGUAGES,
    )  # fmt: skip
    timezone: str = setting(
        "Europe/Moscow", "how dates without an offset are read and how dates are shown",
        check=_timezone_problem,
    )  # fmt: skip
    base_url: str = setting(
        "/", "where the site lives: `https://you.github.io/blog/` or a path `/blog/`; with a "
        "host, feeds, sitemap and canonical URLs are absolute; `--base-url` and "
        "`BLOGBUILD_BASE_URL` override it",
        check=base_url_problem, example="https://you.github.io/blog/",
    )  # fmt: skip
    cname: str = setting(
        "", "the custom domain the site is served at (`blog.example.com`), written to "
        "`dist/CNAME` for GitHub Pages",
        tidy=lambda name: name.strip().lower(), check=_domain_problem, example="blog.example.com",
    )  # fmt: skip
    posts_per_page: int = setting(10, "posts per list page (`/page/2/`, …)", minimum=1)
    feed_size: int = setting(20, "entries in each Atom feed", minimum=1)
    trusted_html: bool = setting(
        False, "`true` passes raw HTML in posts through without sanitising",
        key="markdown.trusted_html",
    )  # fmt: skip
    search: bool = setting(
        True, "full-text search: a box in every page's header, the `/search/` page and its "
        "index in `pagefind/` (`false` leaves all three out)",
    )  # fmt: skip
    params: dict[str, Any] = setting({}, "your own values, for your templates (`site.params.x`)")
    menu: tuple[tuple[tuple[str, Any], ...], ...] = setting(
        (), "the header's links, in this order (by `weight` first, when given), instead of the "
        "theme's: each a `title` with a `url` or a `page` of content/pages/",
        tidy=lambda items: tuple(tuple(sorted(item.items())) for item in items),
        check=lambda items: next(filter(None, map(_menu_item_problem, items)), None),
        example=[{"title": "О блоге", "page": "about.md"}, {"title": "Код", "url": "https://github.com/you"}],
    )  # fmt: skip
    check: dict[str, Any] = setting(
        {}, "`blogbuild check` rule levels (`rules: {id: error|warning|info|off}`) and what "
        "fails a run (`fail_on: error|warning|never`, or `strict`)",
    )  # fmt: skip
    layout: SiteLayout = field(default_factory=SiteLayout)
    # Warnings about the settings themselves (a Jekyll or Hugo config's unused keys), said
    # once per build.
    notices: tuple[Problem, ...] = field(default=(), compare=False)

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


# Keys kept in `Config.layout` rather than in a field of their own.
LAYOUT_SETTINGS = (
    Setting("permalink", DEFAULT_PERMALINK, "a post's URL pattern (`:slug` is its slug)",
            target="layout.permalink"),
)  # fmt: skip


def _declared() -> tuple[Setting, ...]:
    found = []
    for config_field in fields(Config):
        declared = config_field.metadata.get(_SETTING)
        if declared is not None:
            details = dict(declared)
            key = details.pop("key") or config_field.name
            found.append(Setting(key, target=config_field.name, **details))
        elif config_field.name == "layout":
            found.extend(LAYOUT_SETTINGS)
    return tuple(found)


SETTINGS = _declared()  # every key of blogbuild.yaml, in the order the docs show them
_BY_SECTION: dict[str, list[Setting]] = {}
for _setting in SETTINGS:
    _BY_SECTION.setdefault(_setting.section, []).append(_setting)


def load_config(
    root: Path, base_url: str | None = None, blocks: Mapping[str, BlockCheck] | None = None
) -> Config:
    """Read and validate the site config; raise BuildFailed listing every problem.

    `blocks` checks the settings a later stage owns (the checker's `check:`), so their
    problems are reported with the others while this stage knows nothing of them.
    """
    foreign = find_foreign_site(root)
    if foreign is not None:
        root = foreign.root
    path = root / CONFIG_NAME
    rel = CONFIG_NAME
    problems = Problems()
    values: dict[str, Any] = {}  # by target: the Config field, or `layout.<field>`
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
    for declared in SETTINGS:
        if declared.target in values:
            _check_value(declared, values, lines.get(declared.section), rel, problems)
    problems.raise_if_errors()
    given = {k.removeprefix(_LAYOUT): values.pop(k) for k in list(values) if k.startswith(_LAYOUT)}
    notices: tuple[Problem, ...] = ()
    if foreign is not None:  # the generator's settings, unless blogbuild.yaml says otherwise
        values = {**_usable(foreign), **values}
        layout = replace(foreign.layout, **given)
        notices = foreign.notices + tuple(_unusable(foreign))
    else:
        layout = SiteLayout(**given)
    values["layout"] = layout
    if "language" not in values:  # an English blog must not get a Russian interface
        folders = [str(root / name) for name in (*layout.post_dirs, *layout.drafts_dirs)]
        values["language"] = language_of_posts(folders, DEFAULT_LANGUAGE)
    return Config(root=root, notices=notices, **values)


def _usable(foreign: ForeignSite) -> dict[str, Any]:
    """The generator's settings that blogbuild can take as they are."""
    return {k: v for k, v in foreign.settings.items() if _foreign_problem(k, v) is None}


def _unusable(foreign: ForeignSite) -> list[Problem]:
    """A warning for each generator setting whose value blogbuild cannot take."""
    config = foreign.layout.config_files[0] if foreign.layout.config_files else ""
    found = []
    for target, value in foreign.settings.items():
        why = _foreign_problem(target, value)
        if why is not None:
            found.append(Problem(config, None, f"{why}: not used", Severity.WARNING))
    return found


def _foreign_problem(target: str, value: Any) -> str | None:
    declared = next((s for s in SETTINGS if s.target == target), None)
    return None if declared is None else _value_problem(declared, value)


def _validate(
    raw: dict[str, Any], lines: dict[str, int], rel: str, problems: Problems
) -> dict[str, Any]:
    """Each key's value, of the declared type, by its target; every other key is a problem."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = lines.get(str(key))
        declared = _BY_SECTION.get(key)
        if declared is None:
            known = ", ".join(sorted(_BY_SECTION))
            problems.error(
                rel, line, f"unknown setting '{key}' (known: {known}; put your own under params:)"
            )
        elif declared[0].key == key:
            wrong = _type_problem(declared[0], value, nested=False)
            if wrong:
                problems.error(rel, line, f"{key}: {wrong}")
            elif value is not None:  # an empty mapping (`params:`) is the default
                values[declared[0].target] = value
        elif value is not None:
            _section(key, value, declared, values, rel, line, problems)
    return values


def _section(
    key: str, value: Any, declared: list[Setting], values: dict[str, Any],
    rel: str, line: int | None, problems: Problems,
) -> None:  # fmt: skip
    """The options of a mapping of settings, such as `markdown: {trusted_html: true}`."""
    if not isinstance(value, dict):
        problems.error(rel, line, f"{key}: expected a mapping, got {_kind(value)}")
        return
    options = {s.key.partition(".")[2]: s for s in declared}
    for option, setting_value in value.items():
        found = options.get(option)
        if found is None:
            known = ", ".join(options)
            problems.error(rel, line, f"{key}: unknown option '{option}' (known: {known})")
        elif wrong := _type_problem(found, setting_value, nested=True):
            problems.error(rel, line, f"{found.key}: {wrong}")
        else:
            values[found.target] = setting_value


def _type_problem(declared: Setting, value: Any, *, nested: bool) -> str | None:
    """What is wrong with the type (or bounds) of a value, or None."""
    kind = declared.kind
    got = "" if nested else f", got {_kind(value)}"
    if kind is bool:
        return None if isinstance(value, bool) else f"expected true or false{got}"
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            return _whole_number(declared)
        return (
            None
            if declared.minimum is None or value >= declared.minimum
            else _whole_number(declared)
        )
    if kind is dict:
        return None if value is None or isinstance(value, dict) else f"expected a mapping{got}"
    if kind is tuple:  # a list of mappings (`menu:`)
        if not isinstance(value, list) or not all(isinstance(i, dict) for i in value):
            return f"expected a list of mappings{got}"
        return None
    return None if isinstance(value, str) else f"expected text{got}"


def _whole_number(declared: Setting) -> str:
    if declared.minimum is None:
        return "expected a whole number"
    return f"expected a whole number of at least {declared.minimum}"


def _check_value(
    declared: Setting, values: dict[str, Any], line: int | None, rel: str, problems: Problems
) -> None:
    """The declared choices and check of a value of the right type."""
    value = values[declared.target]
    if declared.tidy is not None:
        value = values[declared.target] = declared.tidy(value)
    if (why := _value_problem(declared, value)) is not None:
        problems.error(rel, line, why)


def _value_problem(declared: Setting, value: Any) -> str | None:
    """What the declared choices or check say of a value of the right type, or None."""
    if declared.choices and value not in declared.choices:
        return f"{declared.key}: '{value}' is not one of {', '.join(declared.choices)}"
    why = declared.check(value) if declared.check is not None else None
    return f"{declared.key}: {why}" if why else None


def _kind(value: Any) -> str:
    return type(value).__name__ if value is not None else "nothing"


def _problem(path: str, line: int | None, message: str) -> Problem:
    return Problem(path, line, message)
