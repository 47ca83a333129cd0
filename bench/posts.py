"""The benchmark's posts: metadata for all posts first, then each body on demand."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from prose import Prose, code_block, slugify

CATEGORIES = (
    "Машинное обучение", "Нейросети", "Обработка языка", "Компьютерное зрение",
    "Этика ИИ", "Инструменты", "Исследования", "Практика",
)  # fmt: skip
TAGS = (
    "GPT", "трансформеры", "обучение", "нейросети", "PyTorch", "TensorFlow", "JAX", "RLHF",
    "LoRA", "квантизация", "дообучение", "эмбеддинги", "RAG", "векторный поиск",
    "токенизация", "внимание", "диффузия", "GAN", "CNN", "RNN", "LSTM", "BERT", "LLaMA",
    "Mistral", "промпты", "агенты", "бенчмарки", "датасеты", "разметка", "метрики",
    "оптимизация", "градиентный спуск", "регуляризация", "переобучение", "инференс", "MLOps",
    "GPU", "распределённое обучение", "дистилляция", "прунинг", "мультимодальность",
    "распознавание речи", "синтез речи", "машинный перевод", "суммаризация", "классификация",
    "кластеризация", "обучение с подкреплением", "этика", "безопасность", "галлюцинации",
    "интерпретируемость", "open source", "Hugging Face", "Python", "CUDA", "ONNX", "стартапы",
    "исследования", "туториал",
)  # fmt: skip
MSK = timezone(timedelta(hours=3))
FIRST_DATE = datetime(2019, 1, 7, 10, 0, tzinfo=MSK)
SPAN = timedelta(days=6 * 365)  # every corpus size ends before 2025, so no post is "future"
TARGET_WORDS = 2000


@dataclass(frozen=True, slots=True)
class PostMeta:
    """What every tool's front matter needs about one post."""

    index: int
    slug: str
    title: str
    date: datetime
    category: str
    tags: tuple[str, ...]
    description: str

    @property
    def stem(self) -> str:
        """`YYYY-MM-DD-<slug>`, the file name without extension."""
        return f"{self.date:%Y-%m-%d}-{self.slug}"


class Corpus:
    """N posts for one seed; the same (N, seed) always gives the same text."""

    def __init__(self, posts: int, seed: int) -> None:
        self.seed = seed
        self.prose = Prose(random.Random(f"pool-{seed}"))
        self.posts = self._metadata(posts, random.Random(f"meta-{seed}"))

    def _metadata(self, count: int, rng: random.Random) -> list[PostMeta]:
        mean_gap = SPAN / max(count, 1)
        # Zipf-like weights: a few tags are on many posts, most on few, as on a real blog.
        tag_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(TAGS))]
        date = FIRST_DATE
        posts = []
        for i in range(count):
            title = self.prose.title()
            slug = f"{'-'.join(slugify(title).split('-')[:6])}-{i + 1}"
            picked = dict.fromkeys(rng.choices(TAGS, weights=tag_weights, k=10))
            tags = tuple(list(picked)[: rng.randint(3, 6)])
            description = self.prose.pool[rng.randrange(len(self.prose.pool))].replace("`", "")
            category = CATEGORIES[rng.randrange(len(CATEGORIES))]
            posts.append(PostMeta(i, slug, title, date, category, tags, description))
            date += timedelta(minutes=round(mean_gap.total_seconds() / 60 * rng.uniform(0.6, 1.4)))
        return posts

    def body(self, post: PostMeta) -> str:
        """The Markdown body of a post: ~2,000 words with lists, a table, code and links."""
        rng = random.Random(f"body-{self.seed}-{post.index}")
        prose = self.prose
        prose.rng = rng  # the pool is fixed; only the picks depend on the post
        words = 0
        blocks: list[str] = []

        def paragraphs(count: int) -> None:
            nonlocal words
            for _ in range(count):
                text, n = prose.paragraph(rng.randint(3, 6))
                blocks.append(text)
                words += n

        paragraphs(2)
        blocks.append(self._link(rng, post))
        target = rng.randint(TARGET_WORDS - 150, TARGET_WORDS + 150)
        extras = [
            "bullets",
            "table",
            "code",
            "numbered",
            "quote",
            "code2" if rng.random() < 0.5 else "",
        ]
        section = 0
        while words < target or section < len(extras):
            blocks.append(f"## {prose.heading()}")
            paragraphs(rng.randint(1, 3))
            extra = extras[section] if section < len(extras) else ""
            self._extra(rng, extra, blocks)
            if rng.random() < 0.4:
                blocks.append(f"### {prose.heading()}")
                paragraphs(rng.randint(1, 2))
            if section in (1, 3):
                blocks.append(self._link(rng, post))
            section += 1
        return "\n\n".join(blocks) + "\n"

    def _extra(self, rng: random.Random, kind: str, blocks: list[str]) -> None:
        prose = self.prose
        if kind == "bullets":
            blocks.append("\n".join(f"- {item};" for item in prose.bullet_items(rng.randint(4, 6))))
        elif kind == "numbered":
            items = prose.bullet_items(rng.randint(3, 5))
            blocks.append("\n".join(f"{n}. {item}." for n, item in enumerate(items, 1)))
        elif kind == "table":
            blocks.append(prose.table())
        elif kind in ("code", "code2"):
            doc = prose.pool[rng.randrange(len(prose.pool))].replace("`", "")
            blocks.append(code_block(rng, doc))
        elif kind == "quote":
            blocks.append("> " + prose.paragraph(2)[0])

    def _link(self, rng: random.Random, post: PostMeta) -> str:
        if len(self.posts) < 2:
            return prose_fallback(post)
        other = self.posts[rng.randrange(len(self.posts))]
        if other.index == post.index:
            other = self.posts[(post.index + 1) % len(self.posts)]
        return f"Подробнее об этом — в статье [«{other.title}»](/posts/{other.slug}/)."


def prose_fallback(post: PostMeta) -> str:
    """The link sentence for a one-post corpus, which has nothing to link to."""
    return f"Это единственная статья, «{post.title}»."
