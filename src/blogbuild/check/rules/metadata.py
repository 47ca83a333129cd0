"""Front matter a published post needs: a real date, a description, a category, a sane title."""

from __future__ import annotations

from collections.abc import Iterator

from blogbuild.check.document import Document
from blogbuild.check.findings import Hit

MAX_TITLE_LENGTH = 70
_SUMMARY_KEYS = ("description", "summary", "excerpt")
_DATE_FROM = {
    "file_name": "the file name",
    "git": "the git history, which changes when the file is rewritten",
    "mtime": "the file's modification time, which changes on every checkout",
}


def _key_line(doc: Document, key: str) -> int:
    return doc.post.meta_lines.get(key, 1)


def missing_date(doc: Document) -> Iterator[Hit]:
    """The date was not written in front matter."""
    source = doc.post.date_source
    if source != "front_matter" and doc.post.kind == "post":  # a page shows no date
        message = f"no date in front matter; it comes from {_DATE_FROM.get(source, source)}"
        yield Hit("missing-date", 1, 1, message)


def missing_description(doc: Document) -> Iterator[Hit]:
    """No description (or summary) key in front matter."""
    post = doc.post
    if post.description is None and not any(k in post.meta_lines for k in _SUMMARY_KEYS):
        message = "no description: feeds, search results and link previews will have none"
        yield Hit("missing-description", 1, 1, message)


def missing_category(doc: Document) -> Iterator[Hit]:
    """The post is in no category."""
    if not doc.post.categories and doc.post.kind == "post":  # a page is in no list
        key = next((k for k in ("categories", "category") if k in doc.post.meta_lines), "")
        line = doc.post.meta_lines.get(key, 1)
        yield Hit(
            "missing-category",
            line,
            1,
            "no category: the post is on the home page and in the archive, but on no category page",
        )


def long_title(doc: Document) -> Iterator[Hit]:
    """Titles past 70 characters are cut off in search results and tabs."""
    length = len(doc.post.title)
    if length > MAX_TITLE_LENGTH:
        message = f"the title has {length} characters (over {MAX_TITLE_LENGTH}); search shows less"
        yield Hit("long-title", _key_line(doc, "title"), 1, message)


def empty_summary(doc: Document) -> Iterator[Hit]:
    """`description: ""` and the like: a key that promises a summary and holds none."""
    post = doc.post
    for key in _SUMMARY_KEYS:
        if key not in post.meta_lines:
            continue
        value = post.description if key == "description" else post.extra.get(key)
        if value is None or not str(value).strip():
            yield Hit("empty-summary", post.meta_lines[key], 1, f"'{key}' is empty")


CHECKS = {
    "missing-date": missing_date,
    "missing-description": missing_description,
    "missing-category": missing_category,
    "long-title": long_title,
    "empty-summary": empty_summary,
}
