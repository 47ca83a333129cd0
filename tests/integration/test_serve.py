"""`blogbuild serve` end to end: pages, types, 404s, escapes, base paths, edits and errors."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from blogbuild.options import BuildOptions
from blogbuild.serve import server as server_module
from blogbuild.serve.events import EventBroker
from blogbuild.serve.livesite import LiveSite
from blogbuild.serve.server import bind
from tests.conftest import SiteMaker
from tests.integration.clirun import blogbuild
from tests.integration.servehelp import EventClient, ServeProcess, fetch, raw_request

pytestmark = pytest.mark.slow

POST = """\
---
title: Живой пост
date: 2025-03-01 10:00:00 +0300
categories: [Машинное обучение]
---
Первая версия текста.

## Раздел

Ещё абзац.
"""
PAGE = "posts/live/index.html"
SECRET = "секретное содержимое"


def _make_site(site: SiteMaker, tmp_path: Path) -> None:
    site.post("live.md", POST, raw=True)
    site.post("other.md", "---\ntitle: Другой пост\ndate: 2025-02-01\n---\nТекст.\n", raw=True)
    site.post(
        "draft.md", "---\ntitle: Набросок\ndate: 2025-02-02\ndraft: true\n---\nЧерн.\n", raw=True
    )
    site.post("later.md", "---\ntitle: Из будущего\ndate: 2099-01-01\n---\nПотом.\n", raw=True)
    site.file("assets/img/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    (site.root / "assets" / "img" / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    os.symlink(secret, site.root / "assets" / "leak.txt")


@pytest.fixture
def made(site: SiteMaker, tmp_path: Path) -> SiteMaker:
    _make_site(site, tmp_path)
    return site


def _start(site: SiteMaker, *args: str) -> ServeProcess:
    return ServeProcess("--source", str(site.root), "--port", "0", *args)


def _stop_cleanly(served: ServeProcess) -> None:
    code, out, err = served.stop()
    assert code == 0, err
    assert out.splitlines()[-1] == "Stopped."
    assert "Traceback" not in err and "Traceback" not in out


@pytest.fixture
def served(made: SiteMaker) -> Iterator[ServeProcess]:
    process = _start(made)
    yield process
    _stop_cleanly(process)


def test_pages_and_files_have_types_with_charset_and_html_the_live_script(
    served: ServeProcess,
) -> None:
    expected = {
        "/": "text/html; charset=utf-8",
        "/posts/live/": "text/html; charset=utf-8",
        "/assets/css/style.css": "text/css; charset=utf-8",
        "/assets/js/theme.js": "text/javascript; charset=utf-8",
        "/feed.xml": "application/xml; charset=utf-8",
        "/sitemap.xml": "application/xml; charset=utf-8",
        "/robots.txt": "text/plain; charset=utf-8",
        "/llms.txt": "text/plain; charset=utf-8",
        "/posts/live/index.md": "text/markdown; charset=utf-8",
        "/assets/img/logo.svg": "image/svg+xml; charset=utf-8",
        "/assets/img/dot.png": "image/png",
        "/__blogbuild/live.js": "text/javascript; charset=utf-8",
    }
    for target, kind in expected.items():
        response = served.get(target)
        assert response.status == 200, target
        assert response.headers["content-type"] == kind, target
        assert response.headers["cache-control"] == "no-store"
        live = b"/__blogbuild/live.js" in response.body
        assert live == kind.startswith("text/html"), target
    page = served.get("/posts/live/").text
    assert "Первая версия текста." in page
    assert re.search(r'<script src="/__blogbuild/live.js" data-build="\d+" '
                     r'data-page="posts/live/index.html" defer></script></body>', page)  # fmt: skip


def test_head_sends_the_headers_of_get_without_a_body(served: ServeProcess) -> None:
    for target in ("/posts/live/", "/assets/css/style.css", "/nowhere/"):
        got, head = served.get(target), served.get(target, "HEAD")
        assert head.status == got.status and head.body == b""
        assert head.headers["content-length"] == str(len(got.body))
        assert head.headers["content-type"] == got.headers["content-type"]


def test_missing_paths_get_the_site_404_page_with_status_404(served: ServeProcess) -> None:
    for target in ("/nowhere/", "/posts/missing/", "/assets/", "/content/posts/live.md"):
        response = served.get(target)
        assert response.status == 404, target
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert "/__blogbuild/live.js" in response.text and 'data-page=""' in response.text
    assert served.get("/nowhere/").text.count("<html") == 1


def test_a_folder_without_its_slash_is_redirected(served: ServeProcess) -> None:
    response = served.get("/posts/live")
    assert response.status == 302 and response.headers["location"] == "/posts/live/"


ESCAPES = [
    "/../blogbuild.yaml",
    "/../../../../etc/passwd",
    "/posts/../../content/posts/live.md",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/assets/%2E%2E/%2E%2E/content/posts/live.md",
    "/assets%2f..%2f..%2fblogbuild.yaml",
    "/assets/..%5c..%5ccontent%5cposts%5clive.md",
    "/assets\\..\\..\\blogbuild.yaml",
    "//etc/passwd",
    "/etc/passwd",
    "/assets/leak.txt",
    "/assets/leak.txt%00.png",
    "/%00",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/assets/css/style.css/..",
    "http://127.0.0.1/../../etc/passwd",
]


def test_requests_that_try_to_leave_the_site_get_404(served: ServeProcess) -> None:
    for target in ESCAPES:
        response = served.get(target)
        assert response.status == 404, target
        assert SECRET not in response.body.decode("utf-8", "replace"), target
        assert "root:" not in response.text, target
    raw = raw_request(served.port, b"GET /assets/leak.txt\x00 HTTP/1.0")
    assert raw.startswith(b"HTTP/1.0 404") and SECRET.encode() not in raw
    raw = raw_request(served.port, b"GET /assets/../../blogbuild.yaml HTTP/1.0")
    assert raw.startswith(b"HTTP/1.0 404")


def test_only_local_host_names_reach_a_local_server(served: ServeProcess) -> None:
    port = str(served.port).encode()
    for host in (b"127.0.0.1:" + port, b"localhost:" + port, b"[::1]:" + port):
        assert raw_request(served.port, b"GET / HTTP/1.0", host).startswith(b"HTTP/1.0 200"), host
    # A page on another domain resolved to 127.0.0.1 (DNS rebinding) must not read drafts.
    for host in (b"evil.example:" + port, b"evil.example", b"127.0.0.1.evil.example"):
        answer = raw_request(served.port, b"GET / HTTP/1.0", host)
        assert answer.startswith(b"HTTP/1.0 403"), host
        answer = raw_request(served.port, b"GET /__blogbuild/events HTTP/1.0", host)
        assert answer.startswith(b"HTTP/1.0 403"), host


def test_built_files_never_carry_the_live_script(made: SiteMaker, tmp_path: Path) -> None:
    (made.root / "assets" / "leak.txt").unlink()
    done = blogbuild("build", "--source", str(made.root), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    built = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert any(p.suffix == ".html" for p in built)
    assert not [p for p in built if b"__blogbuild" in p.read_bytes()]


def test_a_base_url_path_serves_the_site_under_it(made: SiteMaker) -> None:
    served = _start(made, "--base-url", "https://me.github.io/blog/")
    try:
        assert served.base == "/blog/"
        assert served.get("/").status == 302 and served.get("/").headers["location"] == "/blog/"
        assert served.get("/blog").headers["location"] == "/blog/"
        assert served.get("/blog/posts/live").headers["location"] == "/blog/posts/live/"
        page = served.get("/blog/posts/live/")
        assert page.status == 200 and "Первая версия текста." in page.text
        assert 'href="/blog/assets/css/style.css"' in page.text
        assert served.get("/blog/assets/css/style.css").status == 200
        assert served.get("/posts/live/").status == 404
        assert served.get("/blog/../blogbuild.yaml").status == 404
    finally:
        _stop_cleanly(served)


def test_drafts_and_future_posts_are_shown_on_request_with_their_badge(made: SiteMaker) -> None:
    served = _start(made, "--drafts", "--future")
    try:
        assert re.search(r"with 1 draft and 1 scheduled", "\n".join(served.out))
        draft = served.get("/posts/draft/")
        assert draft.status == 200 and 'class="badge badge--draft">Черновик<' in draft.text
        later = served.get("/posts/later/")
        assert later.status == 200 and 'class="badge badge--future">Запланировано<' in later.text
        assert "badge" not in served.get("/posts/other/").text
    finally:
        _stop_cleanly(served)


def test_drafts_and_future_posts_are_left_out_unless_asked(served: ServeProcess) -> None:
    summary = "\n".join(served.out)
    assert "1 draft left out, --drafts shows them" in summary
    assert "1 future post left out, --future shows them" in summary
    assert served.get("/posts/draft/").status == 404
    assert served.get("/posts/later/").status == 404


def test_edits_reload_errors_show_with_the_old_page_kept_and_fixes_recover(
    served: ServeProcess, made: SiteMaker
) -> None:
    events = EventClient(served.port)
    try:
        state, _ = events.next("state")
        first = state["build"]
        assert state["problems"] == []
        post = made.root / "content" / "posts" / "live.md"

        post.write_text(POST.replace("Первая версия", "Вторая версия"), encoding="utf-8")
        built, _ = events.next("build", lambda data: PAGE in data["changed"])
        assert built["build"] == first + 1 and built["problems"] == []
        assert "Вторая версия текста." in served.get("/posts/live/").text
        served.wait_for_line(re.compile(r"content/posts/live\.md changed: rebuilt in \d+\.\d\d s"))

        lines = len(served.out)
        post.write_text(POST.replace("date: 2025-03-01 10:00:00 +0300", "date: вчера"), "utf-8")
        failed, _ = events.next("build", lambda data: bool(data["problems"]))
        assert failed["build"] == first + 1
        problem = failed["problems"][0]
        assert (problem["path"], problem["line"]) == ("content/posts/live.md", 3)
        assert problem["text"].startswith("content/posts/live.md:3: date: ")
        page = served.get("/posts/live/")
        assert page.status == 200 and "Вторая версия текста." in page.text
        served.wait_for_line(
            re.compile(r"build failed in .* 1 problem; still serving"), start=lines
        )
        served.wait_for_line(re.compile(r"^content/posts/live\.md:3: date: "), stderr=True)

        # A browser that connects while the error persists is told at once.
        late = EventClient(served.port)
        assert late.next("state")[0]["problems"][0]["line"] == 3
        late.close()

        post.write_text(POST.replace("Первая версия", "Третья версия"), encoding="utf-8")
        fixed, _ = events.next("build", lambda data: not data["problems"])
        assert fixed["build"] == first + 2 and PAGE in fixed["changed"]
        assert "Третья версия текста." in served.get("/posts/live/").text
        served.wait_for_line(re.compile(r"fixed; rebuilt in"), start=lines)
    finally:
        events.close()


def test_a_site_broken_from_the_start_shows_its_problems_until_fixed(made: SiteMaker) -> None:
    post = made.root / "content" / "posts" / "live.md"
    post.write_text(POST.replace("2025-03-01 10:00", "2025-02-30 10:00"), encoding="utf-8")
    served = _start(made)
    try:
        page = served.get("/posts/live/")
        assert page.status == 500
        assert (
            "content/posts/live.md:3: date: &#x27;2025-02-30 10:00:00 +0300&#x27; is not a real date"
            in page.text
        )
        assert "/__blogbuild/live.js" in page.text
        events = EventClient(served.port)
        assert events.next("state")[0]["problems"]
        post.write_text(POST, encoding="utf-8")
        events.next("build", lambda data: not data["problems"] and data["everything"])
        assert served.get("/posts/live/").status == 200
        events.close()
    finally:
        _stop_cleanly(served)


def test_many_browsers_and_event_streams_at_once(served: ServeProcess, made: SiteMaker) -> None:
    clients = [EventClient(served.port) for _ in range(40)]
    try:
        for client in clients:
            client.next("state")
        with ThreadPoolExecutor(max_workers=40) as pool:
            statuses = list(pool.map(lambda _: served.get("/posts/live/").status, range(200)))
        assert statuses == [200] * 200
        post = made.root / "content" / "posts" / "live.md"
        post.write_text(POST.replace("Первая", "Новая"), encoding="utf-8")
        for client in clients:
            client.next("build", lambda data: PAGE in data["changed"])
    finally:
        for client in clients:
            client.close()


def test_warnings_are_printed_at_start_and_new_ones_after_each_rebuild(
    made: SiteMaker,
) -> None:
    made.post(
        "untitled.md", "---\ndate: 2025-01-01\n---\n# Заголовок из текста\n\nТекст.\n", raw=True
    )
    served = _start(made)
    try:
        served.wait_for_line(re.compile(r"untitled\.md:\d+: warning: no title"), stderr=True)
        lines, warned = len(served.out), len(served.err)
        (made.root / "content" / "posts" / "notes.docx").write_bytes(b"x")
        served.wait_for_line(re.compile(r"notes\.docx changed: .*1 new warning"), start=lines)
        served.wait_for_line(
            re.compile(r"notes\.docx: warning: not a post"), start=warned, stderr=True
        )
        # The untitled post's warning was shown already; a rebuild does not repeat it.
        lines, warned = len(served.out), len(served.err)
        post = made.root / "content" / "posts" / "live.md"
        post.write_text(POST.replace("Первая", "Другая"), encoding="utf-8")
        line = served.wait_for_line(re.compile(r"live\.md changed: rebuilt"), start=lines)
        assert "warning" not in line
        assert not [line for line in served.err[warned:] if "warning" in line]
    finally:
        _stop_cleanly(served)


def test_a_missing_source_folder_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    done = blogbuild("serve", "--source", str(missing), timeout=30)
    assert done.returncode == 2 and f"'{missing}' does not exist" in done.stderr
    assert not missing.exists()


def test_open_without_a_browser_says_so_and_serves_on(made: SiteMaker, tmp_path: Path) -> None:
    # webbrowser tries $BROWSER first: a command that cannot start is a machine with none
    absent = {"BROWSER": str(tmp_path / "no-such-browser"), "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    served = ServeProcess("--source", str(made.root), "--port", "0", "--open", env=absent)
    line = served.wait_for_line(re.compile(r"--open:"), stderr=True)
    assert line == (
        f"--open: no web browser could be started here; open {served.origin}{served.base} in one"
    )
    assert served.get(served.base).status == 200
    _stop_cleanly(served)


def test_a_port_named_on_the_command_line_must_be_free(made: SiteMaker) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = blogbuild("serve", "--source", str(made.root), "--port", str(port), timeout=30)
    assert done.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_busy_default_port_moves_to_the_next_free_one(made: SiteMaker) -> None:
    live, broker = LiveSite(BuildOptions(made.root)), EventBroker()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = bind("127.0.0.1", port, fallback=True, live=live, broker=broker, debug=False)
        try:
            assert server.server_address[1] > port
        finally:
            server.server_close()


def test_dead_event_streams_are_noticed_and_dropped(
    made: SiteMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_module, "HEARTBEAT_SECONDS", 0.1)
    live, broker = LiveSite(BuildOptions(made.root)), EventBroker()
    live.rebuild()
    server = bind("127.0.0.1", 0, fallback=False, live=live, broker=broker, debug=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = EventClient(server.server_address[1])
        client.next("state")
        assert broker.listeners == 1
        client.close()
        deadline = time.monotonic() + 5
        while broker.listeners and time.monotonic() < deadline:
            time.sleep(0.05)
        assert broker.listeners == 0
        assert fetch(server.server_address[1], "/posts/live/").status == 200
    finally:
        server.shutdown()
        broker.close()
        server.server_close()


def test_a_request_that_trickles_in_is_cut_off_at_its_deadline(
    made: SiteMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_module, "REQUEST_SECONDS", 1.0)
    live, broker = LiveSite(BuildOptions(made.root)), EventBroker()
    live.rebuild()
    server = bind("127.0.0.1", 0, fallback=False, live=live, broker=broker, debug=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with socket.create_connection(server.server_address[:2], timeout=5) as slow:
            slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            started = time.monotonic()
            closed = False
            for n in range(40):  # a header line every 0.2 s: 8 s if never cut off
                time.sleep(0.2)
                try:
                    slow.sendall(f"X-Slow-{n}: 1\r\n".encode())
                    slow.setblocking(False)
                    closed = slow.recv(1) == b""
                except BlockingIOError:
                    pass
                except OSError:
                    closed = True
                finally:
                    slow.setblocking(True)
                if closed:
                    break
            assert closed, "the slow request was never cut off"
            assert time.monotonic() - started < 3
        assert fetch(server.server_address[1], "/").status == 200  # others are still served
    finally:
        server.shutdown()
        server.server_close()


def test_a_jekyll_site_is_served_in_place_and_its_posts_and_files_watched(
    tmp_path: Path,
) -> None:
    root = tmp_path / "jekyll"
    for rel, text in {
        "_config.yml": "title: Notes\nlang: en\n",
        "_posts/2021-05-06-note.md": "---\ntitle: Note\n---\nFirst text.\n",
        "about.md": "---\ntitle: About\npermalink: /about/\n---\nWho writes.\n",
        "files/data.csv": "a,b\n",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    served = ServeProcess("--source", str(root), "--port", "0")
    try:
        assert "First text." in served.get("/2021/05/06/note.html").text
        assert "Who writes." in served.get("/about/").text
        assert served.get("/files/data.csv").body == b"a,b\n"
        start = len(served.out)
        (root / "_posts" / "2021-05-06-note.md").write_text(
            "---\ntitle: Note\n---\nSecond text.\n", encoding="utf-8"
        )
        served.wait_for_line(re.compile(r"note\.md changed: rebuilt"), start=start)
        assert "Second text." in served.get("/2021/05/06/note.html").text
    finally:
        _stop_cleanly(served)
