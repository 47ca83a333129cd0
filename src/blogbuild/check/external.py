"""Fetching external links, only when asked (`blogbuild check --external`)."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from blogbuild import __version__

TIMEOUT_SECONDS = 10
WORKERS = 8
_HEADERS = {"User-Agent": f"blogbuild/{__version__} link check"}


def external_urls(links: Iterable[str]) -> list[str]:
    """The distinct http(s) URLs among `links`, sorted."""
    return sorted({url for url in links if urlsplit(url).scheme in ("http", "https")})


def fetch_all(urls: Iterable[str]) -> dict[str, str | None]:
    """Each URL's failure reason, or None when it answered with a status below 400."""
    unique = sorted(set(urls))
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return dict(zip(unique, pool.map(failure_reason, unique), strict=True))


def failure_reason(url: str) -> str | None:
    """HEAD the URL (GET when HEAD is refused); say why it failed, or None."""
    import urllib.error  # loaded only with --external: urllib.request brings in http and ssl
    import urllib.request

    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=_HEADERS)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS):
                return None
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (403, 405, 501):
                continue  # some servers refuse HEAD but serve GET
            return f"HTTP {err.code} {err.reason}"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
            reason = getattr(err, "reason", err)
            return f"unreachable ({reason})"
    return None
