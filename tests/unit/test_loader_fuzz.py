"""Seeded mutations of real-looking front matter through parse_post: problems, never crashes."""

from __future__ import annotations

import pickle
import random
from pathlib import Path

from blogbuild.content.config import Config
from blogbuild.content.loader import parse_post
from blogbuild.errors import Problems

SEEDS = (
    "---\ntitle: Привет\ndate: 2025-09-27 10:00:00 +0300\ncategories: [ML, NLP]\ntags: a b\n"
    "image: {path: /a.png}\nai: {model: GPT, generated: true}\ncheck: {ignore: [long-title]}\n"
    "slug: hello\ndraft: false\n---\n# Заголовок\n\nТекст.\n",
    "+++\ntitle = 'Hi'\ndate = 2025-09-27T10:00:00Z\ntags = ['a', 'b']\n[params]\nx = 1\n+++\nB\n",
    "\n\n---\nTitle: X\npublished: 2020-01-01\npublishDate: 2015-08-22 11:00:00 - 0700\n...\n[x]\n",
)
TOKENS = (
    "0x", "0b_", "2024-99-99", "2024-02-30 25:61", "&a [*a]", "*a", "\x00", "{", "[", "]", ":",
    "- ", "'", '"', "!!binary x", "!!python/object:os.system", "9" * 5000, ".inf", "~", "\ufeff",
    "\n---\n", "\n+++\n", "[[", "=", "0001-01-01 00:00:00 +05:00", "9999-12-31 23:00 -05:00",
    "<<: *a", "? ", "|", "%YAML 1.1\n", "!!timestamp x", "!!int x", "!!float x", "!!bool x",
    "!!set {a}", "!!omap [a: 1]", "!!null x",
)  # fmt: skip


def _mutated(rng: random.Random) -> str:
    text = rng.choice(SEEDS)
    for _ in range(rng.randint(1, 4)):
        pos = rng.randint(0, len(text))
        roll = rng.random()
        if roll < 0.5:
            text = text[:pos] + rng.choice(TOKENS) + text[pos:]
        elif roll < 0.7:
            text = text[:pos] + text[pos + rng.randint(1, 10) :]
        elif roll < 0.85:
            text = text[:pos] + chr(rng.randint(0, 0x450)) + text[pos:]
        else:
            text = text[:pos]
    return text


def test_mutated_front_matter_gives_problems_or_posts(tmp_path: Path) -> None:
    rng = random.Random(12)
    config = Config(root=tmp_path)
    path = tmp_path / "content" / "posts" / "2024-01-01-f.md"
    for _ in range(1500):
        text = _mutated(rng)
        problems = Problems()
        post = parse_post("content/posts/f.md", path, text, "h", config, problems)
        assert post is not None or problems.errors, text
        if post is not None:
            pickle.dumps(post)  # what the workers and the cache do with it
            repr(post)
