"""Post URL patterns as Jekyll and Hugo expand them (`/:year/:month/:day/:title/`).

Each generator has its own placeholders and its own way of making a slug from a title; the
rules here follow theirs (Jekyll's `Utils.slugify`, Hugo's `URLize`), so a migrated post
keeps the URL its generator gave it. `permalinks` is the only caller.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

DEFAULT_PERMALINK = "/posts/:slug/"  # a blogbuild site's post URL
# Jekyll's named permalink styles (`permalink: pretty`).
JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
JEKYLL_DEFAULT = "date"
_PLACEHOLDER = re.compile(r":([a-z_]+)")
_PRETTY_KEPT = set("._~!$&'()+,;=@")
_HUGO_KEPT = set("./\\_#+~-@")


@dataclass(frozen=True, slots=True)
class PostFacts:
    """What a post's URL can be made of."""

    slug: str  # blogbuild's own slug
    title: str
    date: datetime  # in the offset it was written with, as the generators read it
    categories: tuple[str, ...]
    name: str  # the file name without extension and date prefix (Jekyll's slug)
    base_name: str  # the file name without extension, or a bundle's folder name
    folder: str  # the folders between the posts root and the file ("posts/2020")
    given_slug: str | None  # front matter `slug:`
    output_ext: str = ".html"


def jekyll_slugify(text: str, *, pretty: bool = False, cased: bool = False) -> str:
    """Jekyll's `Utils.slugify` (modes default and pretty): runs of other characters become
    one hyphen; letters, marks and decimal digits of every script stay."""
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category[0] in "LM" or category == "Nd" or (pretty and char in _PRETTY_KEPT):
            out.append(char)
        elif not out or out[-1] != "-":
            out.append("-")
    slug = "".join(out)
    slug = slug[1:] if slug.startswith("-") else slug
    slug = slug[:-1] if slug.endswith("-") else slug
    return slug if cased else slug.lower()


def hugo_urlize(text: str, *, lower: bool = True) -> str:
    """Hugo's `URLize` before escaping: spaces become one hyphen, other characters that are
    not letters, digits, marks or `./\\_#+~-@` are dropped."""
    out: list[str] = []
    hyphen_due = was_hyphen = False
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        allowed = char in _HUGO_KEPT or category[0] in "LM" or category == "Nd"
        if char == "%" and re.fullmatch(r"[0-9a-fA-F]{2}", text[index + 1 : index + 3]):
            allowed = True
        if allowed:
            was_hyphen = char == "-"
            if hyphen_due and not was_hyphen:
                out.append("-")
            hyphen_due = False
            out.append(char)
        elif out and not was_hyphen and char.isspace():
            hyphen_due = True
    result = "".join(out)
    return result.lower() if lower else result


def expand_jekyll(pattern: str, facts: PostFacts) -> str:
    """A Jekyll permalink (a style name or a pattern) for one post."""
    template = JEKYLL_STYLES.get(pattern, pattern)
    slug_source = facts.given_slug or facts.name
    date = facts.date
    values: dict[str, Callable[[], str]] = {
        "year": lambda: f"{date.year:04d}",
        "short_year": lambda: f"{date.year % 100:02d}",
        "month": lambda: f"{date.month:02d}",
        "i_month": lambda: str(date.month),
        "short_month": lambda: date.strftime("%b"),
        "long_month": lambda: date.strftime("%B"),
        "day": lambda: f"{date.day:02d}",
        "i_day": lambda: str(date.day),
        "y_day": lambda: f"{date.timetuple().tm_yday:03d}",
        "w_year": lambda: str(date.isocalendar()[0]),
        "week": lambda: f"{date.isocalendar()[1]:02d}",
        "w_day": lambda: str(date.isocalendar()[2]),
        "short_day": lambda: date.strftime("%a"),
        "long_day": lambda: date.strftime("%A"),
        "hour": lambda: f"{date.hour:02d}",
        "minute": lambda: f"{date.minute:02d}",
        "second": lambda: f"{date.second:02d}",
        "title": lambda: jekyll_slugify(slug_source, pretty=True, cased=True),
        "slug": lambda: jekyll_slugify(slug_source),
        "name": lambda: jekyll_slugify(facts.name),
        "categories": lambda: "/".join(dict.fromkeys(c.lower() for c in facts.categories)),
        "slugified_categories": lambda: "/".join(
            dict.fromkeys(jekyll_slugify(c) for c in facts.categories)
        ),
        "output_ext": lambda: facts.output_ext,
        "path": lambda: facts.folder,
        "basename": lambda: facts.base_name,
    }
    url = _PLACEHOLDER.sub(lambda m: _value(values, m), template)
    return tidy_url(url)


def expand_hugo(pattern: str, facts: PostFacts, section: str, *, lower: bool = True) -> str:
    """A Hugo permalink pattern for one post of `section`."""
    date = facts.date

    def slug_else_title() -> str:
        return hugo_urlize(facts.given_slug or facts.title, lower=lower)

    values: dict[str, Callable[[], str]] = {
        "year": lambda: f"{date.year:04d}",
        "month": lambda: f"{date.month:02d}",
        "monthname": lambda: date.strftime("%B"),
        "day": lambda: f"{date.day:02d}",
        "weekday": lambda: str(date.isoweekday() % 7),
        "weekdayname": lambda: date.strftime("%A"),
        "yearday": lambda: str(date.timetuple().tm_yday),
        "section": lambda: section,
        "sections": lambda: facts.folder,
        "title": lambda: hugo_urlize(facts.title, lower=lower),
        "slug": slug_else_title,
        "slugorfilename": lambda: hugo_urlize(facts.given_slug or facts.base_name, lower=lower),
        "slugorcontentbasename": lambda: hugo_urlize(
            facts.given_slug or facts.base_name, lower=lower
        ),
        "filename": lambda: hugo_urlize(facts.base_name, lower=lower),
        "contentbasename": lambda: hugo_urlize(facts.base_name, lower=lower),
    }
    url = _PLACEHOLDER.sub(lambda m: _value(values, m), pattern)
    url = tidy_url(url)
    return url if url.endswith("/") or "." in url.rsplit("/", 1)[-1] else url + "/"


def hugo_default(facts: PostFacts, *, lower: bool = True) -> str:
    """Hugo's URL for a page without a permalink pattern: its folders, then its slug or
    base name."""
    leaf = hugo_urlize(facts.given_slug or facts.base_name, lower=lower)
    folder = hugo_urlize(facts.folder, lower=lower)
    return tidy_url(f"/{folder}/{leaf}/")


def _value(values: dict[str, Callable[[], str]], match: re.Match[str]) -> str:
    make = values.get(match.group(1))
    return make() if make is not None else match.group(0)


def tidy_url(url: str) -> str:
    """As the generators clean an expanded URL: no `//`, no `/./` or `/../`, a leading `/`."""
    url = re.sub(r"/\.+/", "/", url)
    url = re.sub(r"//+", "/", url)
    return url if url.startswith("/") else "/" + url
