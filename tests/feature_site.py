"""A small site that uses every feature the theme shows: tags, categories, code with line
numbers and marked lines, contents, callouts, task lists, footnotes, math, a table, images,
pagination, the archive, the search page. The browser and HTML tests build it."""

from __future__ import annotations

import base64
from pathlib import Path

# A 2×1 PNG, so the post's image is a real picture.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGM4URFgE7UAAApXAscFLUXTAAAAAElFTkSuQmCC"
)

LONG_LINE = "результат = модель.предсказать(" + ", ".join(f"x{n}" for n in range(40)) + ")"
EVERYTHING = f"""---
title: Всё, что умеет тема
date: 2025-03-01
updated: 2025-03-09
categories: [Машинное обучение]
tags: [модели, данные]
description: Пост, в котором есть всё, что умеет показать тема.
image: /assets/img/scheme.png
ai:
  model: GPT-4o
  generated: true
  reviewed_by: Анна
---
Первый абзац: формула $E = mc^2$ в строке и сноска[^1].

## Код

```python {{linenos=true hl_lines=[2]}}
import model
{LONG_LINE}
print(результат)
```

```
без языка
```

Строка с `кодом` внутри.

## Таблица

| Модель | Параметры | Год |
|--------|----------:|-----|
| GPT-2  | 1,5 млрд  | 2019 |
| GPT-3  | 175 млрд  | 2020 |

## Список задач

- [x] собрать данные
- [ ] обучить модель

## Выноски

> [!NOTE]
> Примечание к разделу.

> [!WARNING]
> Предупреждение.

!!! tip "Совет дня"
    Совет внутри выноски.

??? question "Свёрнутый вопрос"
    Ответ, видный после щелчка.

{{{{< details summary="Подробнее" >}}}}
Текст **внутри**.
{{{{< /details >}}}}

### Цитата

> Обычная цитата со [ссылкой](https://example.com/).

## Формулы

$$
\\int_0^1 x\\,dx = \\frac{{1}}{{2}}
$$

## Картинка

![Схема модели](/assets/img/scheme.png)

#### Слишком глубокий раздел

Текст раздела.

[^1]: Текст сноски.
"""


def _post(n: int) -> str:
    return (
        f"---\ntitle: Запись {n}\ndate: 2025-0{n}-01\ncategories: [Данные]\n"
        f"tags: [данные]\n---\nТекст записи {n}, одно предложение.\n\n## Раздел\n\nЕщё текст.\n"
    )


def write_feature_site(root: Path) -> None:
    """Write the site into `root`: a post with every feature, three more for the lists, and
    a page in the menu."""
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (root / "blogbuild.yaml").write_text(
        "title: Тестовый блог\ndescription: Блог со всеми возможностями.\nlanguage: ru\n"
        "posts_per_page: 2\n",
        encoding="utf-8",
    )
    (posts / "2025-03-01-everything.md").write_text(EVERYTHING, encoding="utf-8")
    for n in (1, 2, 4):
        (posts / f"2025-0{n}-01-post-{n}.md").write_text(_post(n), encoding="utf-8")
    (root / "assets" / "img").mkdir(parents=True)
    (root / "assets" / "img" / "scheme.png").write_bytes(PNG)
    pages = root / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "about.md").write_text(
        "---\ntitle: О блоге\ndescription: Кто пишет.\nmenu: true\n---\n"
        "Кто пишет этот блог.\n\n## Связаться\n\nПочта и `код`.\n",
        encoding="utf-8",
    )
