"""The one rule for a site's base URL, wherever it is given: a config, --base-url, the
environment, or a Jekyll or Hugo config."""

from __future__ import annotations

from urllib.parse import urlsplit


def base_url_problem(base_url: str) -> str | None:
    """What is wrong with a base URL (from the config, --base-url or the environment), or None."""
    parts = urlsplit(base_url)
    web_url = parts.scheme in ("http", "https") and bool(parts.netloc)
    if not web_url and not (not parts.scheme and base_url.startswith("/")):
        return f"'{base_url}' must be an http(s) URL or a path such as /blog/"
    return None
