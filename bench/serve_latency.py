"""Edit-to-reload latency of `blogbuild serve`: from a post's write to the reload event.

    python bench/serve_latency.py                 # a copy of this repository's blog
    python bench/serve_latency.py --posts 1000    # a generated site of 1,000 posts
    python bench/serve_latency.py --load          # the preview under load (see below)

The site is copied (or generated) into a temporary folder, served on a free port, and one
post is edited again and again; an event-stream client times each write to the `build`
event that tells browsers to reload. The server's own "rebuilt in" figure is shown beside
it: the difference is the cost of noticing the save and telling the browser.

With `--load`, a bounded load generator on 127.0.0.1 instead: `--requests` GETs of the
site's pages, feeds and assets at `--concurrency` at once (errors, p50/p99 latency), a set
of path-traversal attempts (each must be refused), and `--streams` live-reload event
streams held open over `--stream-edits` edits (how many notifications arrived, how fast).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.integration.servehelp import (  # noqa: E402
    EventClient,
    ServeProcess,
    fetch,
    raw_request,
)

VOCABULARY = (
    "модель обучение данные трансформер внимание слой токен генерация текст изображение "
    "нейросеть архитектура параметр контекст оценка качество задача метод результат "
    "эксперимент выборка градиент функция потерь инференс агент инструмент запрос ответ"
)
WORDS = VOCABULARY.split()
CATEGORIES = ["Машинное обучение", "NLP", "Компьютерное зрение", "Агенты", "Исследования"]
TAGS = [f"тег-{n}" for n in range(40)]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def write_corpus(root: Path, count: int, seed: int = 1) -> None:
    """A site of `count` Russian posts with headings, lists, code, tags and categories."""
    rng = random.Random(seed)
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (root / "blogbuild.yaml").write_text("title: Тестовый блог\nlanguage: ru\n", encoding="utf-8")
    for n in range(count):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        year = 2019 + n // (28 * 12)
        tags = ", ".join(rng.sample(TAGS, 3))
        sections = []
        for s in range(rng.randint(3, 5)):
            sections.append(f"## Раздел {s + 1}\n\n{_paragraph(rng)}\n\n{_paragraph(rng)}")
        sections.insert(1, "- " + "\n- ".join(_sentence(rng) for _ in range(4)))
        sections.insert(2, "```python\ndef f(x):\n    return x * 2\n```")
        body = "\n\n".join(sections)
        (posts / f"{year}-{month:02d}-{day:02d}-post-{n}.md").write_text(
            f"---\ntitle: Статья номер {n}\ndate: {year}-{month:02d}-{day:02d} 10:00:00 +0300\n"
            f"categories: [{rng.choice(CATEGORIES)}]\n"
            f"tags: [{tags}]\ndescription: {_sentence(rng)}\n---\n{_paragraph(rng)}\n\n"
            f"<!--more-->\n\n{body}\n",
            encoding="utf-8",
        )


def copy_site(source: Path, root: Path) -> None:
    """The repository's own blog (or any site), without its dist/ and tooling."""
    root.mkdir(parents=True)
    for name in ("content", "templates", "assets"):
        if (source / name).is_dir():
            shutil.copytree(source / name, root / name)
    if (source / "blogbuild.yaml").is_file():
        shutil.copy(source / "blogbuild.yaml", root / "blogbuild.yaml")


def measure(root: Path, edits: int, pause: float) -> tuple[list[float], list[float]]:
    """Seconds from each write to its reload event, and the server's rebuild times."""
    served = ServeProcess("--source", str(root), "--port", "0", ready_timeout=600)
    events = EventClient(served.port)
    events.next("state")
    post = sorted((root / "content" / "posts").rglob("*.md"))[-1]
    original = post.read_text(encoding="utf-8")
    latencies, rebuilds = [], []
    rebuilt = re.compile(r"rebuilt in (\d+\.\d+) s")
    try:
        for n in range(edits):
            lines = len(served.out)
            time.sleep(pause)
            started = time.perf_counter()
            post.write_text(f"{original}\nПравка номер {n}.\n", encoding="utf-8")
            _data, received = events.next("build", lambda d: bool(d["changed"] or d["everything"]))
            latencies.append(received - started)
            line = served.wait_for_line(rebuilt, timeout=60, start=lines)
            match = rebuilt.search(line)
            assert match
            rebuilds.append(float(match.group(1)))
    finally:
        events.close()
        served.stop()
    return latencies, rebuilds


# Each must be answered 4xx (never 200 with a file from outside the site).
TRAVERSALS = [
    b"GET /../../../../etc/passwd HTTP/1.1",
    b"GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1",
    b"GET /%2e%2e/%2e%2e/%2e%2e/etc/passwd HTTP/1.1",
    b"GET /assets/../../../../etc/passwd HTTP/1.1",
    b"GET /assets/%2e%2e%2f%2e%2e%2fblogbuild.yaml HTTP/1.1",
    b"GET /..\\..\\..\\etc\\passwd HTTP/1.1",
    b"GET /%5c..%5c..%5cetc%5cpasswd HTTP/1.1",
    b"GET //etc/passwd HTTP/1.1",
    b"GET ///etc/passwd HTTP/1.1",
    b"GET /etc/passwd%00.html HTTP/1.1",
    b"GET /index.html%00/../../etc/passwd HTTP/1.1",
    b"GET /%252e%252e/%252e%252e/etc/passwd HTTP/1.1",
    b"GET /%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd HTTP/1.1",
    b"GET /./././../etc/passwd HTTP/1.1",
    b"GET /posts/../../content/posts/ HTTP/1.1",
    b"GET /blogbuild.yaml HTTP/1.1",
    b"GET /content/posts/ HTTP/1.1",
    b"GET /.blogbuild-cache/index.pickle HTTP/1.1",
    b"GET /templates/base.html HTTP/1.1",
    b"GET http://127.0.0.1/../../etc/passwd HTTP/1.1",
    b"GET file:///etc/passwd HTTP/1.1",
    b"GET /\x00/etc/passwd HTTP/1.1",
]


def _site_paths(port: int) -> list[str]:
    """Every page the sitemap lists, the feeds, and the assets the home page links to."""
    home = fetch(port, "/").text
    sitemap = fetch(port, "/sitemap.xml").text
    paths = {"/", "/feed.xml", "/sitemap.xml", "/404.html"}
    for url in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        paths.add("/" + url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url)
    paths.update(re.findall(r'(?:href|src)="(/assets/[^"?#]+)', home))
    return sorted(paths)


def load(port: int, requests: int, concurrency: int) -> tuple[list[float], int, int]:
    """Latencies (s) of `requests` GETs at `concurrency` at once; errors; distinct paths."""
    import threading

    paths = _site_paths(port)
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        mine, failed = [], 0
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            started = time.perf_counter()
            try:
                ok = fetch(port, paths[n % len(paths)]).status == 200
            except OSError:
                ok = False
            mine.append(time.perf_counter() - started)
            failed += not ok
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0], len(paths)


def traversals(port: int) -> int:
    """How many of TRAVERSALS were refused (a 4xx status, and no file from outside)."""
    refused = 0
    for line in TRAVERSALS:
        answer = raw_request(port, line)
        status = answer.split(b"\r\n", 1)[0]
        if re.match(rb"HTTP/1\.[01] 4\d\d ", status) and b"root:" not in answer:
            refused += 1
    return refused


def streams(root: Path, port: int, count: int, edits: int, pause: float) -> tuple[int, list[float]]:
    """Open `count` event streams, make `edits` edits: notifications received, and the
    seconds from each write to each stream's reload event."""
    clients = [EventClient(port) for _ in range(count)]
    for client in clients:
        client.next("state")
    post = sorted((root / "content" / "posts").rglob("*.md"))[0]
    original = post.read_text(encoding="utf-8")
    received, latencies = 0, []
    try:
        for n in range(edits):
            time.sleep(pause)
            started = time.perf_counter()
            post.write_text(f"{original}\nПравка под нагрузкой {n}.\n", encoding="utf-8")
            for client in clients:
                try:
                    _data, at = client.next(
                        "build", lambda d: bool(d["changed"] or d["everything"])
                    )
                except AssertionError:
                    continue
                received += 1
                latencies.append(at - started)
    finally:
        for client in clients:
            client.close()
    return received, latencies


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure_load(root: Path, args: argparse.Namespace) -> None:
    """The preview under load: requests, traversals, live-reload streams."""
    served = ServeProcess("--source", str(root), "--port", "0", ready_timeout=600)
    try:
        started = time.perf_counter()
        latencies, errors, distinct = load(served.port, args.requests, args.concurrency)
        seconds = time.perf_counter() - started
        refused = traversals(served.port)
        received, notified = streams(root, served.port, args.streams, args.stream_edits, args.pause)
    finally:
        served.stop()
    ms = [1000 * s for s in latencies]
    print(
        f"  {len(ms)} requests ({distinct} distinct paths) at {args.concurrency} concurrent in "
        f"{seconds:.1f} s: {errors} errors, p50 {_percentile(ms, 0.5):.0f} ms, "
        f"p99 {_percentile(ms, 0.99):.0f} ms"
    )
    print(f"  traversal attempts refused: {refused} of {len(TRAVERSALS)}")
    wanted = args.streams * args.stream_edits
    shown = f", p50 {1000 * statistics.median(notified):.0f} ms" if notified else ""
    print(
        f"  live reload: {received} of {wanted} notifications to {args.streams} streams over "
        f"{args.stream_edits} edits{shown}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, help="generate a site of this many posts")
    parser.add_argument("--site", type=Path, default=REPO, help="site to copy [this repo]")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between edits")
    parser.add_argument("--load", action="store_true", help="measure the preview under load")
    parser.add_argument("--requests", type=int, default=20_000, help="with --load [20000]")
    parser.add_argument("--concurrency", type=int, default=50, help="with --load [50]")
    parser.add_argument("--streams", type=int, default=200, help="with --load [200]")
    parser.add_argument("--stream-edits", type=int, default=20, help="with --load [20]")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="blogbuild-serve-bench-") as folder:
        root = Path(folder) / "site"
        if args.posts:
            write_corpus(root, args.posts)
            what = f"generated site, {args.posts} posts"
        else:
            copy_site(args.site.resolve(), root)
            count = sum(1 for _ in (root / "content" / "posts").rglob("*.*"))
            what = f"{args.site.resolve().name}, {count} posts"
        if args.load:
            print(f"{what}: under load")
            measure_load(root, args)
            return
        latencies, rebuilds = measure(root, args.edits, args.pause)
    ms = sorted(1000 * s for s in latencies)
    print(f"{what}: {args.edits} edits")
    print(
        f"  write -> reload event: median {statistics.median(ms):.0f} ms, "
        f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms"
    )
    print(f"  of which rebuild (server): median {1000 * statistics.median(rebuilds):.0f} ms")


if __name__ == "__main__":
    main()
