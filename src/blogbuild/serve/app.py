"""`blogbuild serve`: build into memory, serve, watch, rebuild, and tell the browsers."""

from __future__ import annotations

import signal
import threading
import webbrowser
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import click

from blogbuild.options import BuildOptions
from blogbuild.serve.console import Console
from blogbuild.serve.events import EventBroker
from blogbuild.serve.livesite import LiveSite
from blogbuild.serve.server import bind
from blogbuild.serve.watch import SourceWatcher

_EVERY_INTERFACE = {"", "0.0.0.0", "::"}


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What the person asked `blogbuild serve` for."""

    build: BuildOptions
    host: str = "127.0.0.1"
    port: int = 8000
    port_given: bool = False  # a port named on the command line must be free; the default may move
    open_browser: bool = False
    debug: bool = False


def serve(options: ServeOptions) -> None:
    """Serve until interrupted (KeyboardInterrupt); raise ServeError if the server cannot start."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops as quietly as Ctrl-C
        # Ctrl-C stops the server even when it was started with SIGINT ignored, as a shell
        # does for commands it starts in the background
        signal.signal(signal.SIGINT, _interrupt)
    live = LiveSite(options.build)
    broker = EventBroker()
    # Bind before building, so a busy port fails at once, not after a long build.
    server = bind(
        options.host,
        options.port,
        fallback=not options.port_given,
        live=live,
        broker=broker,
        debug=options.debug,
    )
    console = Console(options.build.source, options.debug)
    ready = threading.Event()

    def on_change(changes: frozenset[Path]) -> None:
        ready.wait()
        rebuild = live.rebuild(changes)
        message = rebuild.browser_message()
        if message is not None:
            broker.publish("build", message)
        console.rebuilt(rebuild, changes)

    # Watching starts before the first build, so a save made during it is not lost.
    watcher = SourceWatcher(options.build.source, on_change)
    watcher.start()
    try:
        first = live.rebuild()
        port = server.server_address[1]
        url = site_url(options.host, port, live.current.base_path)
        moved = options.port not in (0, port)
        notes = [f"Port {options.port} is busy; serving on {url}" if moved else f"Serving on {url}"]
        if options.host in _EVERY_INTERFACE:
            notes.append(
                "warning: listening on every network interface: "
                "anyone on your network can open the preview, drafts included"
            )
        console.serving(url, first, notes)
        ready.set()
        if options.open_browser:
            threading.Thread(target=_open_in_browser, args=(url,), daemon=True).start()
        server.serve_forever(poll_interval=0.25)
    finally:
        watcher.stop()
        broker.close()
        server.server_close()


def _open_in_browser(url: str) -> None:
    """Open `url` in the user's browser, or say that none could be started (a server over
    SSH, a container): the preview runs on either way."""
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        click.echo(f"--open: no web browser could be started here; open {url} in one", err=True)


def site_url(host: str, port: int, base_path: str) -> str:
    """The address to open in a browser."""
    shown = "127.0.0.1" if host in _EVERY_INTERFACE else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}{base_path}"


def _interrupt(_signal: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt
