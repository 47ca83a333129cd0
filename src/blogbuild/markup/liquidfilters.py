"""Jekyll's Liquid filters that posts use, for Liquid in posts and for include templates."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from blogbuild.content.slugs import slugify
from blogbuild.markup.htmltext import strip_tags
from blogbuild.markup.sitedata import SiteData

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def relative_url(site: SiteData, value: Any) -> str:
    """Jekyll's `relative_url`: the path under the site's base path."""
    text = show(value)
    if _SCHEME.match(text):
        return text
    if site.baseurl and (text == site.baseurl or text.startswith(site.baseurl + "/")):
        return text  # already under the base path
    return site.baseurl + ("" if text.startswith("/") else "/") + text


def absolute_url(site: SiteData, value: Any) -> str:
    """Jekyll's `absolute_url`: `relative_url` with the site's scheme and host before it."""
    text = show(value)
    if _SCHEME.match(text):
        return text
    return site.url + relative_url(site, text)


def show(value: Any) -> str:
    """A value as Liquid prints it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S %z").strip()
    if isinstance(value, (list, tuple)):
        return ", ".join(show(item) for item in value)
    return str(value)


def _date(value: Any, fmt: str = "%Y-%m-%d") -> str:
    return value.strftime(fmt) if isinstance(value, (date, datetime)) else show(value)


def _truncate(value: Any, length: Any = 50, ellipsis: str = "...") -> str:
    text, size = show(value), int(show(length) or 50)
    return text if len(text) <= size else text[: max(size - len(ellipsis), 0)] + ellipsis


def _words(value: Any, count: Any = 15, ellipsis: str = "...") -> str:
    words = show(value).split()
    size = int(show(count) or 15)
    return " ".join(words) if len(words) <= size else " ".join(words[:size]) + ellipsis


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, (list, tuple, str)) and value else ""


def _last(value: Any) -> Any:
    return value[-1] if isinstance(value, (list, tuple, str)) and value else ""


Filter = Callable[..., Any]

# Filters that need no site; `relative_url`/`absolute_url` are added with the site.
FILTERS: dict[str, Filter] = {
    "prepend": lambda v, s="": show(s) + show(v),
    "append": lambda v, s="": show(v) + show(s),
    "escape": lambda v: html.escape(show(v)),
    "xml_escape": lambda v: html.escape(show(v)),
    "escape_once": lambda v: html.escape(html.unescape(show(v))),
    "url_encode": lambda v: quote(show(v), safe=""),
    "uri_escape": lambda v: quote(show(v), safe="/:?#[]@!$&'()*+,;="),
    "cgi_escape": lambda v: quote(show(v), safe=""),
    "downcase": lambda v: show(v).lower(),
    "upcase": lambda v: show(v).upper(),
    "capitalize": lambda v: show(v)[:1].upper() + show(v)[1:],
    "strip": lambda v: show(v).strip(),
    "lstrip": lambda v: show(v).lstrip(),
    "rstrip": lambda v: show(v).rstrip(),
    "strip_html": lambda v: strip_tags(show(v)),
    "strip_newlines": lambda v: show(v).replace("\n", ""),
    "replace": lambda v, a="", b="": show(v).replace(show(a), show(b)),
    "remove": lambda v, a="": show(v).replace(show(a), ""),
    "default": lambda v, d="": v if v not in (None, "", [], False) else d,
    "size": lambda v: len(v) if isinstance(v, (list, tuple, str, dict)) else 0,
    "slugify": lambda v, *_: slugify(show(v)),
    "date": _date,
    "date_to_string": lambda v: _date(v, "%d %b %Y"),
    "date_to_long_string": lambda v: _date(v, "%d %B %Y"),
    "date_to_xmlschema": lambda v: v.isoformat() if isinstance(v, datetime) else show(v),
    "join": lambda v, s=" ": show(s).join(show(i) for i in v) if isinstance(v, list) else show(v),
    "first": _first,
    "last": _last,
    "truncate": _truncate,
    "truncatewords": _words,
    "number_of_words": lambda v: len(show(v).split()),
}


def site_filters(site: SiteData) -> dict[str, Filter]:
    """Every filter, the URL ones bound to `site`."""
    return {
        **FILTERS,
        "relative_url": lambda v: relative_url(site, v),
        "absolute_url": lambda v: absolute_url(site, v),
    }


def apply(filters: dict[str, Filter], name: str, value: Any, args: Sequence[Any]) -> Any:
    """`value | name: args`; raises KeyError for an unknown filter, ValueError for bad args."""
    try:
        return filters[name](value, *args)
    except TypeError as error:
        raise ValueError(f"filter '{name}' cannot take {len(args)} argument(s)") from error
