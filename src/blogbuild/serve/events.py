"""Server-sent events: one queue per connected browser, fed by every rebuild."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Mapping
from typing import Any

# Sent when nothing happened for a while: a write to a closed connection fails, so dead
# browsers are noticed and dropped, and proxies keep the stream open.
HEARTBEAT = ": ping\n\n"
HEARTBEAT_SECONDS = 15.0


def format_event(event: str, data: Mapping[str, Any]) -> str:
    """One SSE message; JSON without indentation never contains a newline."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


class EventBroker:
    """Fans events out to every open event stream."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: set[queue.SimpleQueue[str | None]] = set()
        self._closed = False

    def subscribe(self) -> queue.SimpleQueue[str | None]:
        """A queue receiving every later event; None means the server is stopping."""
        inbox: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        with self._lock:
            if self._closed:
                inbox.put(None)
            else:
                self._queues.add(inbox)
        return inbox

    def unsubscribe(self, inbox: queue.SimpleQueue[str | None]) -> None:
        with self._lock:
            self._queues.discard(inbox)

    def publish(self, event: str, data: Mapping[str, Any]) -> None:
        message = format_event(event, data)
        with self._lock:
            for inbox in self._queues:
                inbox.put(message)

    def close(self) -> None:
        """End every stream, so that their threads finish."""
        with self._lock:
            self._closed = True
            for inbox in self._queues:
                inbox.put(None)
            self._queues.clear()

    @property
    def listeners(self) -> int:
        with self._lock:
            return len(self._queues)
