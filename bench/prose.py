"""Russian-like prose about AI, made from a seeded random source and word lists."""

from __future__ import annotations

import random

SUBJECTS = (
    "модель", "нейросеть", "трансформер", "языковая модель", "GPT", "GPT-4", "LLaMA",
    "энкодер", "декодер", "механизм внимания", "оптимизатор Adam", "токенизатор",
    "этот подход", "наш пайплайн", "классификатор", "генеративная модель",
    "сверточная сеть", "рекуррентная сеть", "агент", "ассистент", "автоэнкодер",
    "диффузионная модель", "поисковый индекс", "исследователь", "инженер", "бенчмарк",
    "датасет", "слой нормализации", "обучение", "дообучение", "RLHF", "BERT",
)  # fmt: skip
VERBS = (
    "улучшает", "ускоряет", "упрощает", "снижает", "повышает", "использует", "обрабатывает",
    "кодирует", "предсказывает", "генерирует", "оценивает", "сравнивает", "запоминает",
    "игнорирует", "обобщает", "оптимизирует", "фильтрует", "масштабирует", "сжимает",
    "восстанавливает", "учитывает", "меняет", "показывает", "требует", "объясняет",
)  # fmt: skip
OBJECTS = (
    "качество ответов", "функцию потерь", "градиенты", "контекстное окно",
    "последовательность токенов", "скорость обучения", "точность на валидации",
    "размер батча", "распределение весов", "векторное представление", "длинные тексты",
    "обучающую выборку", "метрики качества", "вычислительный бюджет", "память видеокарты",
    "скрытое состояние", "карту внимания", "веса модели", "результаты инференса",
    "ошибки разметки", "пользовательский запрос", "цепочку рассуждений", "архитектуру сети",
    "время ответа", "число параметров", "нейросеть", "трансформер", "эмбеддинги",
)  # fmt: skip
TAILS = (
    "на большом корпусе текстов", "без дополнительной разметки", "уже после первой эпохи",
    "в режиме инференса", "при дообучении", "с помощью RLHF", "на одной видеокарте",
    "почти без потерь", "на русском языке", "в продакшене", "при малом числе примеров",
    "в задаче классификации", "для длинного контекста", "по сравнению с базовой моделью",
    "за счёт квантизации", "в несколько раз", "на тестовой выборке",
    "при низкой температуре", "в каждом слое", "с учётом позиционного кодирования",
    "во время обучения", "на этапе предобучения", "в нейросети", "внутри трансформера",
)  # fmt: skip
OPENERS = (
    "", "", "", "", "Кроме того,", "На практике", "Как правило,", "Однако", "В нашем эксперименте",
    "Важно помнить, что", "Интересно, что", "Поэтому", "Например,", "При этом", "Обычно",
    "Как показывает опыт,", "В итоге", "С другой стороны,", "Судя по логам,", "Заметим, что",
)  # fmt: skip
CONNECTORS = (", а", ", но", ", поэтому", ", и при этом", ", потому что", ", хотя", ", тогда как")
INLINE_CODE = (
    "`learning_rate`", "`batch_size=32`", "`model.eval()`", "`torch.no_grad()`", "`max_tokens`",
    "`temperature=0.7`", "`attention_mask`", "`pip install transformers`", "`top_p`",
    "`optimizer.step()`", "`fit()`", "`tokenizer.encode()`", "`dropout=0.1`", "`seed=42`",
)  # fmt: skip
CODE_SENTENCES = (
    "За это отвечает параметр {code}.",
    "Стоит проверить {code} {tail}.",
    "Мы задали {code}, и {subj} {verb} {obj}.",
    "Если забыть про {code}, {subj} {verb} {obj} {tail}.",
    "Достаточно вызвать {code} перед запуском.",
)
MODELS = ("GPT-2", "GPT-3.5", "LLaMA-2", "Mistral", "BERT-base", "T5", "ruGPT-3", "Falcon", "Qwen")
LATIN = (
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
)  # fmt: skip
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", LATIN, strict=True))


def cap(text: str) -> str:
    """Capitalise the first letter only (keeps `GPT` and `BERT` as they are)."""
    return text[:1].upper() + text[1:]


def slugify(text: str) -> str:
    """A Latin, hyphenated slug for a Russian title."""
    out = []
    for ch in text.lower():
        if ch in TRANSLIT:
            out.append(TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return "-".join(part for part in "".join(out).split("-") if part)


class Prose:
    """Sentences, headings and titles drawn from a fixed pool built once per seed."""

    def __init__(self, rng: random.Random, pool_size: int = 6000) -> None:
        self.rng = rng
        # A pool keeps 20,000-post corpora fast: a post picks ~150 ready sentences
        # instead of making ~2,000 word choices.
        self.pool = [self._sentence() for _ in range(pool_size)]
        self.pool_words = [len(s.split()) for s in self.pool]
        self.indices = range(pool_size)

    def _clause(self) -> str:
        c = self.rng.choice
        return f"{c(SUBJECTS)} {c(VERBS)} {c(OBJECTS)}"

    def _sentence(self) -> str:
        c = self.rng.choice
        roll = self.rng.random()
        if roll < 0.08:
            return c(CODE_SENTENCES).format(
                code=c(INLINE_CODE), tail=c(TAILS), subj=c(SUBJECTS), verb=c(VERBS), obj=c(OBJECTS)
            )
        opener = c(OPENERS)
        text = self._clause()
        if roll < 0.6:
            text += " " + c(TAILS)
        if roll > 0.55:
            text += f"{c(CONNECTORS)} {self._clause()}"
            if roll > 0.85:
                text += " " + c(TAILS)
        return cap(f"{opener} {text}" if opener else text) + "."

    def paragraph(self, sentences: int) -> tuple[str, int]:
        """A paragraph of pooled sentences and its word count."""
        # choices() is several times faster than a randrange() per sentence.
        idx = self.rng.choices(self.indices, k=sentences)
        return " ".join([self.pool[i] for i in idx]), sum([self.pool_words[i] for i in idx])

    def heading(self) -> str:
        c = self.rng.choice
        forms = (
            lambda: f"{cap(c(SUBJECTS))} и {c(OBJECTS)}",
            lambda: f"Почему {c(SUBJECTS)} {c(VERBS)} {c(OBJECTS)}",
            lambda: f"Как измерить {c(OBJECTS)}",
            lambda: f"Эксперименты {c(TAILS)}",
            lambda: cap(c(OBJECTS)) + " " + c(TAILS),
            lambda: c(("Выводы", "Ограничения подхода", "Что дальше", "Постановка задачи")),
        )
        return c(forms)()

    def title(self) -> str:
        c = self.rng.choice
        forms = (
            lambda: f"Как {c(SUBJECTS)} {c(VERBS)} {c(OBJECTS)}",
            lambda: f"{cap(c(SUBJECTS))}: {c(OBJECTS)} {c(TAILS)}",
            lambda: f"Почему {c(SUBJECTS)} {c(VERBS)} {c(OBJECTS)} {c(TAILS)}",
            lambda: f"{cap(c(OBJECTS))} и {c(SUBJECTS)}",
        )
        return c(forms)()

    def bullet_items(self, count: int) -> list[str]:
        c = self.rng.choice
        return [f"{cap(c(OBJECTS))} {c(TAILS)}" for _ in range(count)]

    def table(self) -> str:
        r = self.rng
        rows = [
            "| Модель | Параметры, млрд | Точность, % | Время ответа, мс |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name in r.sample(MODELS, r.randint(4, 6)):
            params = r.choice((0.1, 0.3, 1.3, 7, 13, 70))
            rows.append(f"| {name} | {params} | {r.uniform(60, 95):.1f} | {r.randint(20, 900)} |")
        return "\n".join(rows)


CODE_TEMPLATES = (
    '''import torch
from torch import nn


class {name}(nn.Module):
    """{doc}"""

    def __init__(self, dim: int = {dim}, heads: int = {heads}) -> None:
        super().__init__()
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.norm = nn.LayerNorm(dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.attn(x, x, x)
        return self.norm(x + out)''',
    '''def train(model, loader, epochs: int = {epochs}, lr: float = {lr}):
    """{doc}"""
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    for epoch in range(epochs):
        for batch in loader:
            loss = model(**batch).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        print(f"эпоха {{epoch}}: loss={{loss.item():.4f}}")''',
    """from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("{model}")
model = AutoModelForCausalLM.from_pretrained("{model}")
prompt = "{doc}"
ids = tokenizer(prompt, return_tensors="pt").input_ids
output = model.generate(ids, max_new_tokens={tokens}, temperature={temp})
print(tokenizer.decode(output[0], skip_special_tokens=True))""",
    '''import numpy as np


def cosine_top_k(query: np.ndarray, index: np.ndarray, k: int = {k}) -> list[int]:
    """{doc}"""
    scores = index @ query / (np.linalg.norm(index, axis=1) * np.linalg.norm(query))
    return np.argsort(-scores)[:k].tolist()''',
    """# {doc}
metrics = []
for threshold in (0.{a}, 0.{b}, 0.{c}):
    preds = [score >= threshold for score in scores]
    accuracy = sum(p == y for p, y in zip(preds, labels)) / len(labels)
    metrics.append((threshold, round(accuracy, 3)))
print(metrics)""",
)


def code_block(rng: random.Random, doc: str) -> str:
    """A fenced Python block from one of the templates, with varied names and numbers."""
    template = rng.choice(CODE_TEMPLATES)
    code = template.format(
        name=rng.choice(("Block", "Encoder", "Layer", "Head")) + str(rng.randint(1, 99)),
        doc=doc,
        dim=rng.choice((256, 512, 768, 1024)),
        heads=rng.choice((4, 8, 12, 16)),
        epochs=rng.randint(1, 10),
        lr=rng.choice(("1e-4", "3e-4", "5e-5")),
        model=rng.choice(("gpt2", "ai-forever/rugpt3small_based_on_gpt2", "mistralai/Mistral-7B")),
        tokens=rng.choice((64, 128, 256)),
        temp=rng.choice((0.2, 0.7, 1.0)),
        k=rng.randint(3, 20),
        a=rng.randint(1, 3),
        b=rng.randint(4, 6),
        c=rng.randint(7, 9),
    )
    return f"```python\n{code}\n```"
