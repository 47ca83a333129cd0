"""Edit-to-reload latency of `blogbuild serve`: from a post's write to the reload event.

    python bench/serve_latency.py                 # a copy of this repository's blog
    python bench/serve_latency.py --posts 1000    # a generated site of 1,000 posts

The site is copied (or generated) into a temporary folder, served on a free port, and one
post is edited again and again; an event-stream client times each write to the `build`
event that tells browsers to reload. The server's own "rebuilt in" figure is shown beside
it: the difference is the cost of noticing the save and telling the browser.
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

from tests.integration.servehelp import EventClient, ServeProcess  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, help="generate a site of this many posts")
    parser.add_argument("--site", type=Path, default=REPO, help="site to copy [this repo]")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between edits")
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
