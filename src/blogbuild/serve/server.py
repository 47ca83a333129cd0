"""The HTTP side of serve: pages from memory, the live scripts, and the event stream."""

from __future__ import annotations

import errno
import io
import queue
import socket
import socketserver
import sys
import time
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from blogbuild.serve.client import EVENTS, LIVE_JS, LIVE_SCRIPT, PREFIX, WORKER_JS, WORKER_SCRIPT
from blogbuild.serve.errorpage import error_page, plain_not_found
from blogbuild.serve.events import HEARTBEAT, HEARTBEAT_SECONDS, EventBroker, format_event
from blogbuild.serve.inject import inject_live_script
from blogbuild.serve.livesite import LiveSite, state_message
from blogbuild.serve.paths import Found, Redirect, content_type, host_allowed, resolve

PORT_ATTEMPTS = 20  # how far past a busy default port to look for a free one
# The whole of a request (its line and headers) must arrive within this: a client sending a
# header line every few seconds would otherwise keep its thread forever.
REQUEST_SECONDS = 30.0
_SCRIPTS = {LIVE_JS: LIVE_SCRIPT.encode(), WORKER_JS: WORKER_SCRIPT.encode()}
_QUIET_ERRORS = (ConnectionError, TimeoutError)  # a browser went away mid-response
_HTML = content_type("index.html")
_TEXT = content_type("message.txt")


class ServeError(Exception):
    """The server cannot start; the message says why and what to do."""


class PreviewServer(ThreadingHTTPServer):
    """One daemon thread per connection, so that open event streams never block exit."""

    daemon_threads = True
    request_queue_size = 64  # many tabs reloading at once

    def __init__(
        self,
        address: tuple[str, int],
        family: int,
        live: LiveSite,
        broker: EventBroker,
        debug: bool,
    ) -> None:
        self.address_family = family
        self.host = address[0]
        self.live, self.broker, self.debug = live, broker, debug
        super().__init__(address, PreviewHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's full DNS name, which can take seconds.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, _QUIET_ERRORS) and not self.debug:
            return
        print(f"blogbuild serve: error answering {client_address[0]}: {error!r}", file=sys.stderr)
        if self.debug:
            traceback.print_exc()


class _DeadlineReader(io.RawIOBase):
    """The connection's bytes, each read given what is left of the request's deadline."""

    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection
        self.deadline = time.monotonic() + REQUEST_SECONDS

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the request did not arrive in time")
        self.connection.settimeout(remaining)
        return self.connection.recv_into(buffer)


class PreviewHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from the current snapshot; nothing is read from dist/."""

    server: PreviewServer
    server_version = "blogbuild"
    timeout = 30  # a connection that sends no request is dropped, not kept forever

    def setup(self) -> None:
        super().setup()
        self._reader = _DeadlineReader(self.connection)
        self.rfile = io.BufferedReader(self._reader)

    def handle_one_request(self) -> None:
        # Each request of a kept-alive connection gets its own deadline.
        self._reader.deadline = time.monotonic() + REQUEST_SECONDS
        super().handle_one_request()

    def do_GET(self) -> None:
        self._received()
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._received()
        self._answer(head=True)

    def _received(self) -> None:
        """The request is in (GET and HEAD have no body): writes get the usual timeout."""
        self.connection.settimeout(self.timeout)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.debug:
            super().log_message(format, *args)

    def _answer(self, head: bool) -> None:
        if not host_allowed(self.headers.get("Host"), self.server.host):
            self._send(HTTPStatus.FORBIDDEN, _TEXT, b"unknown Host; open the printed URL\n", head)
            return
        path = self.path.split("?", 1)[0]
        if path.startswith(PREFIX):
            self._internal(path, head)
            return
        snapshot = self.server.live.current
        if snapshot.output is None:  # no build has succeeded yet: show why, and wait
            page = inject_live_script(error_page(snapshot.problems), snapshot.build, "")
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, _HTML, page, head)
            return
        found = resolve(self.path, snapshot.base_path, snapshot.has)
        if isinstance(found, Redirect):
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", found.location)
            self.send_header("Content-Length", "0")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return
        status, key, data = HTTPStatus.OK, "", None
        if isinstance(found, Found):
            key, data = found.key, snapshot.read(found.key)
        if data is None:
            status, key, data = HTTPStatus.NOT_FOUND, "", snapshot.read("404.html")
            data = data or plain_not_found()
        kind = content_type(key or "404.html")
        if kind == _HTML:
            # The key tells the page's script whether a rebuild touched it; none for a 404.
            data = inject_live_script(data, snapshot.build, key)
        self._send(status, kind, data, head)

    def _send(self, status: HTTPStatus, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        # A preview must show the latest save, never a cached copy.
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _internal(self, path: str, head: bool) -> None:
        script = _SCRIPTS.get(path)
        if script is not None:
            self._send(HTTPStatus.OK, content_type(path), script, head)
        elif path == EVENTS:
            self._stream(head)
        else:
            self._send(HTTPStatus.NOT_FOUND, _TEXT, b"not found\n", head)

    def _stream(self, head: bool) -> None:
        """Send the current state, then every rebuild, until the browser or server goes away."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        if head:
            return
        broker = self.server.broker
        inbox = broker.subscribe()
        try:
            # retry: how soon a browser reconnects after the server restarts
            state = format_event("state", state_message(self.server.live.current))
            self.wfile.write(("retry: 1000\n\n" + state).encode())
            while True:
                try:
                    message = inbox.get(timeout=HEARTBEAT_SECONDS)
                except queue.Empty:
                    message = HEARTBEAT
                if message is None:
                    return
                self.wfile.write(message.encode())
        except _QUIET_ERRORS:
            return
        finally:
            broker.unsubscribe(inbox)


def bind(
    host: str, port: int, *, fallback: bool, live: LiveSite, broker: EventBroker, debug: bool
) -> PreviewServer:
    """Listen on host:port; with `fallback`, a busy port gives way to the next free one."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as error:
        raise ServeError(f"cannot listen on '{host}': {error.strerror}") from None
    candidates = range(port, port + PORT_ATTEMPTS) if fallback and port else range(port, port + 1)
    for candidate in candidates:
        try:
            return PreviewServer((host, candidate), family, live, broker, debug)
        except OSError as error:
            if error.errno == errno.EADDRINUSE and candidate != candidates[-1]:
                continue
            raise ServeError(_bind_message(host, candidates, error)) from None
    raise AssertionError("unreachable: the loop returns or raises")


def _bind_message(host: str, ports: range, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE and len(ports) > 1:
        return f"ports {ports[0]}-{ports[-1]} on {host} are all in use; choose one with --port"
    if error.errno == errno.EADDRINUSE:
        return (
            f"port {ports[0]} on {host} is already in use; stop the program using it "
            "or choose another --port (--port 0 picks any free one)"
        )
    if error.errno == errno.EACCES:
        return f"not allowed to listen on port {ports[0]} (ports below 1024 need root); use --port"
    return f"cannot listen on {host}:{ports[0]}: {error.strerror or error}"
