"""Running `blogbuild serve` in a subprocess, fetching from it, and listening to its events."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.integration.clirun import REPO

_URL = re.compile(r"(?:serving on|Serving on) (http://[^/\s]+)(/\S*)")


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class ServeProcess:
    """`python -m blogbuild serve ARGS` with this checkout's sources, its output collected."""

    def __init__(
        self, *args: str, ready_timeout: float = 60, env: dict[str, str] | None = None
    ) -> None:
        env = {
            **os.environ,
            **(env or {}),
            "PYTHONPATH": str(REPO / "src"),
            "PYTHONUNBUFFERED": "1",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "blogbuild", "serve", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self._changed = threading.Condition()
        for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=self._collect, args=(stream, lines), daemon=True).start()
        line = self.wait_for_line(_URL, timeout=ready_timeout)
        match = _URL.search(line)
        assert match
        self.origin, self.base = match.group(1), match.group(2)
        self.port = int(self.origin.rsplit(":", 1)[1])
        self.wait_for_line(re.compile(r"watching for changes|could not be built"), ready_timeout)

    def _collect(self, stream: Any, lines: list[str]) -> None:
        for line in stream:
            with self._changed:
                lines.append(line.rstrip("\n"))
                self._changed.notify_all()

    def wait_for_line(
        self, pattern: re.Pattern[str], timeout: float = 20, start: int = 0, stderr: bool = False
    ) -> str:
        """The first output line from index `start` on that matches `pattern`."""
        lines = self.err if stderr else self.out
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in lines[start:]:
                    if pattern.search(line):
                        return line
                if self.process.poll() is not None:  # exited: its last lines come soon or never
                    deadline = min(deadline, time.monotonic() + 1)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"no line matching {pattern.pattern!r}; stdout={self.out} stderr={self.err}"
                    )
                self._changed.wait(min(left, 0.2))

    def get(self, target: str, method: str = "GET") -> Response:
        return fetch(self.port, target, method)

    def stop(self) -> tuple[int, str, str]:
        """Interrupt as Ctrl-C does; the exit status and everything printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        time.sleep(0.1)  # let the reader threads take the last lines
        return code, "\n".join(self.out), "\n".join(self.err)


def fetch(port: int, target: str, method: str = "GET") -> Response:
    """One request with the target sent exactly as given (no normalising, no redirects)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.putrequest(method, target, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
    finally:
        connection.close()


def raw_request(port: int, request_line: bytes, host: bytes = b"127.0.0.1") -> bytes:
    """Send a request line that http.client would refuse to build (NUL bytes and the like)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(request_line + b"\r\nHost: " + host + b"\r\n\r\n")
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


class EventClient:
    """A Server-Sent Events client on a thread; events are queued as (name, data, received)."""

    def __init__(self, port: int) -> None:
        self.events: queue.SimpleQueue[tuple[str, dict[str, Any], float]] = queue.SimpleQueue()
        self._sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self._sock.sendall(b"GET /__blogbuild/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self._file = self._sock.makefile("rb")
        status = self._file.readline()
        assert b" 200 " in status, status
        while self._file.readline() not in (b"\r\n", b"\n", b""):
            pass
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name, data = "message", ""
        try:
            for raw in self._file:
                line = raw.decode("utf-8").rstrip("\r\n")
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    data += line[5:].strip()
                elif line == "" and data:
                    self.events.put((name, json.loads(data), time.perf_counter()))
                    name, data = "message", ""
        except OSError:
            return

    def next(
        self,
        name: str,
        where: Callable[[dict[str, Any]], bool] = lambda _data: True,
        timeout: float = 30,
    ) -> tuple[dict[str, Any], float]:
        """The next event called `name` whose data satisfies `where`, and when it arrived."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no '{name}' event within {timeout} s")
            try:
                event, data, received = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if event == name and where(data):
                return data, received

    def close(self) -> None:
        with contextlib.suppress(OSError):  # already closed by the server
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()
