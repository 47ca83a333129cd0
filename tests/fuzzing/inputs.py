"""Fuzzed post files: random ones and real posts mutated, each made from (seed, index) alone.

The same seed and index always give the same bytes, so a run can be replayed and a finding
saved by its number. Mutations are those a hostile or broken post carries: byte flips,
truncation, deep nesting, 1 MB lines, thousands of unclosed delimiters, NUL bytes, invalid
UTF-8 and YAML/TOML front matter oddities.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
POST_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True, slots=True)
class FuzzInput:
    """One post file: its name (the suffix picks Markdown or plain text) and bytes."""

    index: int
    name: str
    data: bytes
    how: str  # the recipe, for the report: "mutate:flip+grow", "random", …


@cache
def real_posts() -> tuple[Path, ...]:
    """The real posts to mutate: the shared corpora and seeds when present, else our own."""
    found: list[Path] = []
    for folder in (SHARED / "corpora", SHARED / "seeds", REPO / "content" / "posts"):
        if folder.is_dir():
            found += [p for p in sorted(folder.rglob("*")) if p.suffix in POST_SUFFIXES]
    return tuple(p for p in found if p.is_file() and p.name != "README.md")


# Constructs that, repeated, have made parsers slow (each is grown to thousands of copies).
GROWN = (
    "- [ ] a\n", "- [x] b\n", "![", "\\[a", "[", "](", "[a](", "*", "_", "**a", "*a ", "_a ",
    "`", "``a", "<", "<a", "<div>", "</div>", "<span>", "<!--", "&#", "&amp", "> ", "- ",
    "1. ", "  ", "\t", "$", "$$", "\\(", "\\[", "{", "{: ", "{: a ", "{:", "{% if x %}",
    "{{", "{{< x >}}", "{{% y %}}", "|", "|a", "|a|\n", "[^1]", "x[^a]\n", "[^a]: b\n",
    "<!--more-->", "#", "# h\n", "a\n=\n", "***\n", "```\n", "~~~", "~~", "==", "\\",
    "(", ")", "a\\\n", "http://", "www.", "<http://a>", "\"", "'", "&", "\u200b", "ё",
    "İ", "Σ", "\r", "\r\n", "\n", "\x00", "\x0b", "\ufeff", "\U0001f600", "a ", ".",
    "[a]: /u\n", "[a]", "[a][b]", "![a](b){: .c}", "\\$", "$a$", "$$\\begin{a}", "\\left(",
    "\\frac{", "^{", "_{", "\\text{", "<img src=", "<iframe ", "style=\"", "javascript:",
    "<sup>", "<svg>", "<math>", "<table><tr><td>", "<p>", "<li>", "<pre>", "<details>",
)  # fmt: skip
# Opening and closing pairs nested to a great depth.
NESTED = (
    ("> ", ""), ("- ", ""), ("  - ", ""), ("1. ", ""), ("[", "]"), ("[", "](u)"), ("(", ")"),
    ("*", "*"), ("**", "**"), ("_", "_"), ("<div>", "</div>"), ("<span>", "</span>"),
    ("<b>", "</b>"), ("<ul><li>", "</li></ul>"), ("<table><tr><td>", "</td></tr></table>"),
    ("{", "}"), ("\\frac{", "}{x}"), ("\\left(", "\\right)"), ("$", "$"), ("~~", "~~"),
    ("<details>", "</details>"), ("`", "`"), ("<svg>", "</svg>"), ("<math>", "</math>"),
)  # fmt: skip
# Front matter values YAML or TOML readers have choked on.
YAML_VALUES = (
    "2024-99-99", "2024-02-30 25:61", "2024-13-01", "0000-00-00", "0001-01-01 00:00:00 +14:00",
    "9999-12-31 23:59:59 -12:00", "0x", "0b2", "0o9", "1_", "1__0", "-.inf", ".nan", "1e999",
    "9" * 5000, "yes", "No", "~", "null", "[]", "{}", "[[[[[[[[[[", "!!binary Zm9v", "!!float x",
    "!!int x", "!!timestamp x", "!!python/object:os.system x", "!!set {a}", "&a [*a]", "*nope",
    "'unclosed", '"\\x"', "|", ">-", "- a", "a: b: c", "@x", "`x`", "%YAML 1.1", "\t\t", "\x00",
    "{a: [b, {c: d}]}", "2024-01-01T00:00:00Z", "12:30:00", "1:20", "190:20:30", "+12", "0777",
)  # fmt: skip
YAML_KEYS = (
    "title", "date", "updated", "lastmod", "categories", "tags", "category", "tag", "slug",
    "draft", "published", "description", "summary", "image", "ai", "check", "custom",
    "ai.model", "<<", "? x", "1", "null", "true",
)  # fmt: skip
TOML_LINES = (
    'title = "x"', "date = 2024-99-99", "date = 1979-05-27T07:32:00Z", "date = 07:32:00",
    "a = 0x", "a = 1_", "a = 1__2", "a = inf", "a = nan", "a = 9" + "9" * 5000,
    "a = " + "[" * 500 + "]" * 500, "a = " + "[" * 5000, 'a = """', "a = {", "[a", "[[a]]",
    "a.b.c = 1", 'tags = ["a", 1]', "categories = 3", "draft = maybe", "a = 1979-05-27 07:32",
    "title = 1", "ai = 1", 'ai = {model = 1}', "check = []", "slug = []",
)  # fmt: skip
WORDS = (
    "Модель", "обучение", "данные", "трансформер", "the", "model", "code", "ИИ", "GPT-4o",
    "внимание", "токен", "слой", "generation", "ёлка", "café", "基础", "ℕ", "x",
)  # fmt: skip


def make_input(seed: int, index: int) -> FuzzInput:
    """The fuzzed post number `index` of the run with `seed`."""
    rng = random.Random(f"{seed}:{index}")
    posts = real_posts()
    if posts and rng.random() < 0.7:
        source = rng.choice(posts)
        data, steps = source.read_bytes(), []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            name, mutate = rng.choice(MUTATIONS)
            data = mutate(rng, data)
            steps.append(name)
        suffix = source.suffix if rng.random() < 0.9 else rng.choice(POST_SUFFIXES)
        return FuzzInput(index, f"post{suffix}", data, "mutate:" + "+".join(steps))
    data = random_post(rng)
    return FuzzInput(index, "post" + rng.choice((".md", ".md", ".md", ".txt")), data, "random")


def random_post(rng: random.Random) -> bytes:
    """A post made of random front matter and random Markdown constructs."""
    parts = [_front_matter(rng)]
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.4:
            parts.append(" ".join(rng.choices(WORDS, k=rng.randint(1, 12))))
        elif roll < 0.8:
            parts.append(rng.choice(GROWN) * rng.randint(1, 4))
        elif roll < 0.9:
            parts.append("\n\n")
        else:
            parts.append(_grown(rng))
    return "".join(parts).encode("utf-8", "surrogatepass")


def _front_matter(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        return ""
    if roll < 0.25:
        lines = rng.choices(TOML_LINES, k=rng.randint(0, 4))
        return "+++\n" + "\n".join(['title = "Заголовок"', *lines]) + "\n+++\n"
    lines = ["title: Заголовок"] if rng.random() < 0.8 else []
    for _ in range(rng.randint(0, 5)):
        lines.append(f"{rng.choice(YAML_KEYS)}: {rng.choice(YAML_VALUES)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def _grown(rng: random.Random) -> str:
    """One construct repeated up to 20,000 times, or nested as deep."""
    count = int(10 ** rng.uniform(1, 4.3))
    if rng.random() < 0.5:
        return rng.choice(GROWN) * count
    opening, closing = rng.choice(NESTED)
    return opening * count + rng.choice(WORDS) + closing * count * rng.randint(0, 1)


# Mutations of a real post's bytes.
def _flip(rng: random.Random, data: bytes) -> bytes:
    buffer = bytearray(data or b"x")
    for _ in range(rng.randint(1, 16)):
        buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, len(data))]


def _insert(rng: random.Random, data: bytes, chunk: bytes) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + chunk + data[at:]


def _grow(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, _grown(rng).encode("utf-8", "surrogatepass"))


def _long_line(rng: random.Random, data: bytes) -> bytes:
    size = rng.choice((100_000, 300_000, 1_000_000))
    if rng.random() < 0.5:
        line = (rng.choice(GROWN).strip("\n") or "a") * size
    else:
        alphabet = "абвгд abcde .,;:!?*_`[]()<>{}$\\|#-+=~^&\"'"
        line = "".join(rng.choices(alphabet, k=size))
    return _insert(rng, data, ("\n" + line[:size] + "\n").encode())


def _repeat_slice(rng: random.Random, data: bytes) -> bytes:
    """A stretch of the post itself repeated: real constructs at a scale nobody tested."""
    if not data:
        return data
    start = rng.randrange(len(data))
    piece = data[start : start + rng.randint(1, 200)]
    return data[:start] + piece * int(10 ** rng.uniform(1, 3.7)) + data[start:]


def _bad_bytes(rng: random.Random, data: bytes) -> bytes:
    chunk = rng.choice(
        (b"\x00", b"\x00" * 100, b"\xff", b"\xc3(", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\r",
         b"\x1b[31m", b"\xf4\x90\x80\x80", b"\xe2\x80\xae", b"\x0c", b"\x85")
    )  # fmt: skip
    for _ in range(rng.randint(1, 4)):
        data = _insert(rng, data, chunk)
    return data


def _front_matter_oddity(rng: random.Random, data: bytes) -> bytes:
    """Front matter replaced or extended with values readers have choked on."""
    text = data.decode("utf-8", "replace")
    if text.startswith("+++") or rng.random() < 0.2:
        odd = rng.choice(TOML_LINES)
        if text.startswith("+++\n"):
            return ("+++\n" + odd + "\n" + text[4:]).encode()
        return ("+++\ntitle = 'x'\n" + odd + "\n+++\n" + text).encode()
    odd = f"{rng.choice(YAML_KEYS)}: {rng.choice(YAML_VALUES)}"
    if text.startswith("---\n") and rng.random() < 0.7:
        return ("---\n" + odd + "\n" + text[4:]).encode("utf-8", "surrogatepass")
    return _front_matter(rng).encode() + data


def _line_endings(rng: random.Random, data: bytes) -> bytes:
    new = rng.choice((b"\r\n", b"\r", b"\n\n", b"\x0b", "\u2028".encode()))
    return data.replace(b"\n", new)


def _splice(rng: random.Random, data: bytes) -> bytes:
    other = rng.choice(real_posts()).read_bytes()
    return data[: rng.randint(0, len(data))] + other[rng.randint(0, len(other)) :]


MUTATIONS: tuple[tuple[str, Callable[[random.Random, bytes], bytes]], ...] = (
    ("flip", _flip),
    ("truncate", _truncate),
    ("grow", _grow),
    ("grow", _grow),
    ("long-line", _long_line),
    ("repeat", _repeat_slice),
    ("bad-bytes", _bad_bytes),
    ("front-matter", _front_matter_oddity),
    ("front-matter", _front_matter_oddity),
    ("line-endings", _line_endings),
    ("splice", _splice),
)
