"""Pages the server makes itself: before the first good build, and when a site has no 404."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from blogbuild.errors import Problem


def error_page(problems: Sequence[Problem]) -> bytes:
    """A page listing why the site could not be built; the live script reloads it when fixed."""
    items = "".join(f"<li><code>{escape(str(problem))}</code></li>\n" for problem in problems)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Build failed — blogbuild</title>\n</head>\n<body>\n"
        "<h1>The site could not be built</h1>\n"
        "<p>Fix the problems below and save; this page reloads by itself.</p>\n"
        f"<ul>\n{items}</ul>\n</body>\n</html>\n"
    ).encode()


def plain_not_found() -> bytes:
    """The not-found page for a site whose theme has no 404.html."""
    return (
        b'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        b"<title>Not found</title>\n</head>\n<body>\n<h1>Not found</h1>\n</body>\n</html>\n"
    )
