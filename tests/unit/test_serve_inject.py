"""The live-reload script goes into served HTML just before </body>, and only there."""

from __future__ import annotations

from blogbuild.serve.client import LIVE_JS, LIVE_SCRIPT, WORKER_SCRIPT
from blogbuild.serve.inject import inject_live_script

PAGE = b"<!doctype html><html><body><p>x</p></body></html>"


def test_script_goes_before_the_closing_body_tag() -> None:
    html = inject_live_script(PAGE, 7, "posts/x/index.html")
    assert html.startswith(b"<!doctype html><html><body><p>x</p><script ")
    assert html.endswith(b"></script></body></html>")
    assert f'src="{LIVE_JS}"'.encode() in html
    assert b'data-build="7"' in html and b'data-page="posts/x/index.html"' in html


def test_the_last_body_tag_wins_over_one_inside_a_script() -> None:
    page = b'<body><script>var s = "</body>";</script><p>x</p></BODY>\n</html>'
    html = inject_live_script(page, 1, "index.html")
    assert html.index(b"__blogbuild") > html.index(b"<p>x</p>")
    assert html.endswith(b"</script></BODY>\n</html>")
    assert html.count(b"__blogbuild") == 1


def test_a_page_without_body_gets_the_script_at_the_end() -> None:
    html = inject_live_script(b"<p>fragment</p>", 1, "")
    assert html.startswith(b"<p>fragment</p><script ") and html.endswith(b"</script>")


def test_the_page_key_is_escaped_in_the_attribute() -> None:
    html = inject_live_script(PAGE, 1, 'assets/a"b<c>.html')
    assert b'data-page="assets/a&quot;b&lt;c&gt;.html"' in html


def test_client_scripts_use_the_shared_worker_and_the_event_stream() -> None:
    assert "/__blogbuild/worker.js" in LIVE_SCRIPT
    assert "/__blogbuild/events" in LIVE_SCRIPT and "/__blogbuild/events" in WORKER_SCRIPT
    assert "__WORKER__" not in LIVE_SCRIPT and "__EVENTS__" not in WORKER_SCRIPT
