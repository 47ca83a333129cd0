"""Walking every internal link and asset reference in a built site."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):  # browsers scroll to <a name> as to an id
            self.ids.add(str(values["name"]))
        for name in ("href", "src"):
            value = values.get(name)
            if value and not (tag == "link" and values.get("rel") in ("canonical",)):
                self.refs.append(value)


def broken_links(dist: Path, base_path: str = "/") -> list[str]:
    """Every internal reference in dist/*.html whose file or #fragment does not exist."""
    pages: dict[Path, _Refs] = {}
    for page in sorted(dist.rglob("*.html")):
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page] = parser
    broken = []
    for page, parser in pages.items():
        for ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("mailto:", "data:")):
                continue
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    broken.append(f"{page.relative_to(dist)}: {ref} (outside {base_path})")
                    continue
                target = dist / unquote(parts.path[len(base_path) :])
            else:
                target = page.parent / unquote(parts.path)
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(dist)}: {ref}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target.resolve()].ids if target.resolve() in pages else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(dist)}: {ref} (no such id)")
    return broken
