"""Putting the live-reload script into served HTML pages (never into built files)."""

from __future__ import annotations

from html import escape

from blogbuild.serve.client import LIVE_JS


def live_script_tag(build: int, page: str) -> bytes:
    """The script element that connects a page to the server's event stream."""
    return (
        f'<script src="{LIVE_JS}" data-build="{build}" data-page="{escape(page)}" defer></script>'
    ).encode()


def inject_live_script(html: bytes, build: int, page: str) -> bytes:
    """`html` with the live script just before its last `</body>`, or at the end without one.

    `page` is the output path the page was served from (empty for the 404 and error pages),
    so that the script can tell whether a rebuild touched it.
    """
    tag = live_script_tag(build, page)
    # The last one: a `</body>` earlier in the page can only be inside a script or comment.
    at = html.lower().rfind(b"</body")
    if at < 0:
        return html + tag
    return html[:at] + tag + html[at:]
