# ruff: noqa: E501  (each string is one line of an article, kept whole)
"""Machine-written articles with planted defects, and clean ones: the checker's recall set.

Each case is a post (Markdown or plain text) written for this set, not taken from the seed
articles. A line that carries a planted defect ends with a key `⟦rule⟧` (several keys for
several defects); `materialise` strips the keys and returns the post's text with the
(line, rule) pairs it planted. A case with no key is a clean article: a hard negative that
says things the rules must not take for defects.

The cases are split in two by a fixed hash of their names (`half`): rules are designed on
the "dev" half only, and recall is reported on the "held-out" half.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

_KEY = re.compile(r"\s*⟦([a-z-]+)⟧")


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # the post's file name: '.md' or '.txt'
    source: str  # the text with its keys


def materialise(case: Case) -> tuple[str, list[tuple[int, str]]]:
    """The post's text without keys, and the (1-based line, rule) of each planted defect."""
    lines, planted = [], []
    for number, line in enumerate(case.source.split("\n"), 1):
        for rule in _KEY.findall(line):
            planted.append((number, rule))
        lines.append(_KEY.sub("", line))
    return "\n".join(lines), planted


def half(name: str) -> str:
    """'dev' or 'held-out', fixed by the name's SHA-256."""
    return "dev" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "held-out"


def _post(title: str, body: str, description: str = "Обзор темы для читателей блога.") -> str:
    return (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: 2025-03-01\n"
        f"description: {json.dumps(description, ensure_ascii=False)}\n"
        f"categories: [ai]\n---\n{body}"
    )


CASES = (
    Case(
        "chat-preamble-ru.md",
        _post(
            "Как работают диффузионные модели",
            "Конечно! Вот статья о диффузионных моделях, написанная простым языком: ⟦placeholder-text⟧\n\n"
            "## Что такое диффузия\n\n"
            "Диффузионная модель учится восстанавливать изображение из шума, шаг за шагом "
            "убирая случайные искажения.\n\n"
            "## Где их применяют\n\n"
            "Их используют для генерации картинок, звука и даже молекул.\n",
        ),
    ),
    Case(
        "chat-preamble-en.md",
        _post(
            "Why Retrieval Beats Fine-Tuning for Fresh Facts",
            "Sure! Here's a blog post on retrieval-augmented generation for your audience. ⟦placeholder-text⟧\n\n"
            "## The problem with stale weights\n\n"
            "A model only knows what it saw during training, so new facts need another path in.\n\n"
            "## Retrieval as memory\n\n"
            "Retrieval fetches documents at question time and puts them in the prompt.\n",
            "Retrieval versus fine-tuning.",
        ),
    ),
    Case(
        "ai-self-reference-en.md",
        _post(
            "Will Language Models Replace Search?",
            "Search engines and chat assistants answer different needs.\n\n"
            "As an AI language model, I do not have personal opinions on which is better. ⟦placeholder-text⟧\n\n"
            "What matters is whether the answer can be checked against its sources.\n",
            "Search and assistants.",
        ),
    ),
    Case(
        "ai-self-reference-ru.md",
        _post(
            "Этика генеративного ИИ",
            "Генеративные модели ставят новые вопросы об авторстве.\n\n"
            "Я всего лишь языковая модель и не могу давать юридических консультаций, но "
            "вот несколько соображений. ⟦placeholder-text⟧\n\n"
            "Во-первых, важно указывать, какой текст создан машиной.\n",
        ),
    ),
    Case(
        "chat-closing-offer-ru.md",
        _post(
            "Пять способов ускорить инференс",
            "## Квантование\n\n"
            "Переход к восьмибитным весам уменьшает память почти вчетверо.\n\n"
            "## Дистилляция\n\n"
            "Маленькая модель учится повторять ответы большой.\n\n"
            "Надеюсь, эта статья была полезной! Если хотите, я могу добавить раздел о "
            "батчинге запросов или переписать текст в более формальном стиле. ⟦placeholder-text⟧\n",
        ),
    ),
    Case(
        "chat-closing-offer-en.md",
        _post(
            "A Gentle Introduction to Tokenizers",
            "## Why text must be split\n\n"
            "Models read numbers, so text is cut into pieces that each get an id.\n\n"
            "## Byte pair encoding\n\n"
            "BPE merges the most frequent pairs of symbols until the vocabulary is full.\n\n"
            "Let me know if you'd like me to expand any section or adjust the tone! ⟦placeholder-text⟧\n",
            "Tokenizers explained.",
        ),
    ),
    Case(
        "slot-brackets-ru.md",
        _post(
            "Кейс: внедрение чат-бота в поддержку",
            "Компания [название компании] внедрила чат-бота в службу поддержки. ⟦placeholder-text⟧\n\n"
            "За первый месяц бот закрыл [X]% обращений без участия оператора. ⟦placeholder-text⟧\n\n"
            "Команда планирует подключить базу знаний и голосовой канал.\n",
        ),
    ),
    Case(
        "slot-brackets-en.md",
        _post(
            "Case Study: An LLM Assistant for Legal Teams",
            "The firm cut review time by [INSERT PERCENTAGE] after the rollout. ⟦placeholder-text⟧\n\n"
            '> "The assistant reads faster than any of us," said [Client Name], a partner. ⟦placeholder-text⟧\n\n'
            "Lawyers still sign off every document the model drafts.\n",
            "A legal assistant.",
        ),
    ),
    Case(
        "generation-notice-ru.txt",
        _post(
            "Нейросети в медицине",
            "Нейросети помогают врачам находить опухоли на снимках раньше, чем это удаётся человеку.\n\n"
            "Диагностика по снимкам\n"
            "Модели обучают на тысячах размеченных снимков, и они находят мелкие детали.\n\n"
            "(Раздел не удалось сгенерировать: превышен лимит токенов.) ⟦placeholder-text⟧\n\n"
            "Врачи по-прежнему принимают окончательное решение.\n",
        ),
    ),
    Case(
        "generation-notice-en.txt",
        _post(
            "Edge AI in 2025",
            "Running models on the device saves bandwidth and keeps data private.\n\n"
            "Hardware\n"
            "Phones now ship with neural accelerators that run billions of operations a second.\n\n"
            "[Content could not be generated for this section due to an error.] ⟦placeholder-text⟧\n\n"
            "Small models are the price of running offline.\n",
            "Edge AI.",
        ),
    ),
    Case(
        "todo-and-lorem.md",
        _post(
            "Обучение с подкреплением на практике",
            "Агент учится, получая награду за удачные действия.\n\n"
            "TODO: вставить график кривой обучения из эксперимента. ⟦placeholder-text⟧\n\n"
            "## Среды\n\n"
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ⟦placeholder-text⟧\n",
        ),
    ),
    Case(
        "template-slot.md",
        _post(
            "Рассылка о новинках ИИ",
            "Здравствуйте, {{first_name}}! ⟦placeholder-text⟧\n\n"
            "В этом выпуске мы расскажем о новых открытых моделях и их лицензиях.\n",
        ),
    ),
    Case(
        "truncated-ru.md",
        _post(
            "Трансформеры без формул",
            "## Внимание\n\n"
            "Механизм внимания позволяет каждому слову учитывать все остальные слова фразы.\n\n"
            "## Почему это работает\n\n"
            "Благодаря вниманию модель видит связи между далёкими словами, а обучение легко "
            "распараллеливается на видеокартах, что и позволило обучать модели на огромных "
            "корпусах текстов и получать качество, которое раньше казалось недостижимым для ⟦truncated-ending⟧\n",
        ),
    ),
    Case(
        "truncated-en.md",
        _post(
            "What Is Mixture of Experts?",
            "## Sparse layers\n\n"
            "A mixture-of-experts layer sends each token to a few of many feed-forward blocks.\n\n"
            "## Routing\n\n"
            "A small router network scores the experts for every token and picks the best two, "
            "which keeps the cost per token low while the total number of parameters grows, "
            "and this is why such models can be both large and ⟦truncated-ending⟧\n",
            "Mixture of experts.",
        ),
    ),
    Case(
        "truncated-section-ru.md",
        _post(
            "Выбор видеокарты для обучения",
            "## Память\n\n"
            "Главное для обучения — объём видеопамяти, потому что в неё должны поместиться "
            "веса, градиенты и ⟦truncated-ending⟧\n\n"
            "## Охлаждение\n\n"
            "Под долгой нагрузкой карта должна держать частоты без перегрева.\n",
        ),
    ),
    Case(
        "truncated-no-stop-ru.txt",
        _post(
            "Голосовые ассистенты",
            "Голосовые ассистенты понимают речь всё лучше.\n\n"
            "Распознавание речи\n"
            "Современные системы переводят речь в текст почти без ошибок даже в шумной "
            "комнате, потому что их обучали на сотнях тысяч часов записей разных людей, "
            "акцентов и микрофонов, а затем дообучали на данных конкретного продукта "
            "и конкретных условий использования голосового помощника ⟦truncated-ending⟧\n",
        ),
    ),
    Case(
        "truncated-en.txt",
        _post(
            "Synthetic Data for Vision Models",
            "Synthetic images are cheap to make and come with perfect labels.\n\n"
            "Domain gap\n"
            "The catch is that models trained on rendered scenes often fail on real photos, "
            "so teams mix in real data, randomise textures and lighting, and ⟦truncated-ending⟧\n",
            "Synthetic data.",
        ),
    ),
    Case(
        "lookalike-ru.md",
        _post(
            "Словарь терминов машинного обучения",
            "Нейрoсеть — это функция с миллионами параметров. ⟦mixed-script-word⟧\n\n"
            "Переобучение возникает, когда модель запоминает примеры вместо закономерностей.\n\n"
            "Модель GPT-4о отвечает быстрее прежних версий. ⟦mixed-script-word⟧\n",
        ),
    ),
    Case(
        "lookalike-en.md",
        _post(
            "Choosing an Embedding Model",
            "Embeddings turn text into vectors that can be compared by distance.\n\n"
            "Тhe best model depends on your language and domain. ⟦mixed-script-word⟧\n\n"
            "Benchmarks such as MTEB rank models across many tasks, but your own data decides.\n",
            "Embedding models.",
        ),
    ),
    Case(
        "lookalike-and-fused.txt",
        _post(
            "Компьютерное зрение в рознице",
            "Камеры в магазинах считают посетителей и следят за полками.\n\n"
            "Распознавание товаров\n"
            "Модель находит пустые места на полке и отправляет сигнал сотруднику через "
            "мобильное приложениe. ⟦mixed-script-word⟧\n\n"
            "Так магазин теряет меньше продаж из-за отсутствия товара, аmodel работает круглосуточно. ⟦mixed-script-word⟧\n",
        ),
    ),
    Case(
        "cjk-in-en.md",
        _post(
            "Scaling Laws in Plain Words",
            "Loss falls as a power law of compute, data and parameters.\n\n"
            "In practice the model's 性能 keeps improving as long as data grows with it. ⟦foreign-script⟧\n\n"
            "That is why labs spend as much effort on data as on model size.\n",
            "Scaling laws.",
        ),
    ),
    Case(
        "foreign-in-ru.txt",
        _post(
            "Обработка естественного языка",
            "Обработка языка изучает, как машины понимают текст.\n\n"
            "Векторные представления\n"
            "Каждое слово превращается в вектор, и близкие по смыслу слова оказываются рядом "
            "в пространстве 모델 признаков. ⟦foreign-script⟧\n\n"
            "Это основа поиска, перевода и классификации.\n",
        ),
    ),
    Case(
        "duplicate-heading-ru.md",
        _post(
            "Мультимодальные модели",
            "## Что умеют мультимодальные модели\n\n"
            "### Что умеют мультимодальные модели ⟦duplicate-heading⟧\n\n"
            "Они читают текст и картинки одновременно и отвечают на вопросы о снимках.\n\n"
            "## Ограничения\n\n"
            "Модели всё ещё путают мелкие детали и подписи на изображениях.\n",
        ),
    ),
    Case(
        "duplicate-heading-en.md",
        _post(
            "Evaluating Chatbots",
            "## Human preference\n\n"
            "People compare two answers and pick the better one.\n\n"
            "## Conclusion ⟦empty-section⟧\n\n"
            "## Conclusion ⟦duplicate-heading⟧\n\n"
            "No single number captures quality, so teams combine several signals.\n",
            "Evaluating chatbots.",
        ),
    ),
    Case(
        "duplicate-heading.txt",
        _post(
            "Агенты на основе языковых моделей",
            "Агент сам решает, какие инструменты вызвать для задачи.\n\n"
            "Планирование\n\n"
            "Планирование ⟦duplicate-heading⟧\n"
            "Агент разбивает задачу на шаги и проверяет результат каждого шага перед следующим.\n",
        ),
    ),
    Case(
        "bold-headings-ru.md",
        _post(
            "Как выбрать LLM для стартапа",
            "Выбор модели зависит от задачи, бюджета и требований к данным.\n\n"
            "**Стоимость запросов** ⟦bold-pseudo-heading⟧\n\n"
            "Платные API удобны, но счёт растёт вместе с числом пользователей.\n\n"
            "**Приватность данных** ⟦bold-pseudo-heading⟧\n\n"
            "Открытые модели можно запустить на своих серверах.\n",
        ),
    ),
    Case(
        "bold-headings-en.md",
        _post(
            "Prompt Engineering Tips",
            "## Be specific\n\n"
            "Say what format you want and give an example.\n\n"
            "__Use delimiters__ ⟦bold-pseudo-heading⟧\n\n"
            "Wrap the input text in quotes or tags so the model knows where it starts.\n",
            "Prompting tips.",
        ),
    ),
    Case(
        "stray-hash.md",
        _post(
            "Федеративное обучение",
            "## # Зачем учить модель на устройствах ⟦heading-stray-hash⟧\n\n"
            "Данные остаются у пользователя, на сервер уходят только обновления весов.\n\n"
            "###Итоги ⟦heading-stray-hash⟧\n\n"
            "Подход сложнее в отладке, зато бережёт приватность.\n",
        ),
    ),
    Case(
        "title-repeat.md",
        _post(
            "Генерация кода с помощью ИИ",
            "# Генерация кода с помощью ИИ ⟦h1-repeats-title⟧\n\n"
            "Ассистенты дописывают функции и тесты по комментарию разработчика.\n\n"
            "## Риски\n\n"
            "Сгенерированный код нужно читать так же внимательно, как чужой.\n",
        ),
    ),
    Case(
        "unclosed-fence.md",
        _post(
            "Запуск модели локально",
            "Установите библиотеку и загрузите веса:\n\n"
            "```bash ⟦unclosed-fence⟧\n"
            "pip install llama-cpp-python\n\n"
            "После установки модель отвечает на вопросы без интернета.\n",
        ),
    ),
    Case(
        "empty-section.md",
        _post(
            "Метрики качества генерации",
            "## BLEU\n\n"
            "BLEU считает совпадающие n-граммы с эталонным переводом.\n\n"
            "## ROUGE ⟦empty-section⟧\n\n"
            "## Оценка людьми\n\n"
            "Люди оценивают связность и полезность ответа.\n",
        ),
    ),
    Case(
        "chrome-ru.txt",
        _post(
            "Как нейросети рисуют картины",
            "Главная / Блог / Нейросети ⟦scrape-debris⟧\n\n"
            "Мария Кузнецова · 14 февраля 2025 ⟦scrape-debris⟧\n\n"
            "Нейросети научились рисовать по текстовому описанию за несколько секунд.\n\n"
            "Модель начинает с шума и постепенно превращает его в изображение, сверяясь с текстом.\n\n"
            "Художники используют такие инструменты для набросков и поиска идей.\n\n"
            "Поделиться: ВКонтакте Telegram WhatsApp ⟦scrape-debris⟧\n"
            "2 340 просмотров ⟦scrape-debris⟧\n"
            "Читайте также ⟦scrape-debris⟧\n"
            "Как работает ChatGPT ⟦scrape-debris⟧\n"
            "Лучшие нейросети для видео ⟦scrape-debris⟧\n"
            "© 2025 ИИ-Журнал. Все права защищены. ⟦scrape-debris⟧\n",
        ),
    ),
    Case(
        "chrome-en.txt",
        _post(
            "The Rise of Small Language Models",
            "By Daniel Kim | March 2, 2025 ⟦scrape-debris⟧\n\n"
            "6 min read ⟦scrape-debris⟧\n\n"
            "Small models with a few billion parameters now run on laptops and phones.\n\n"
            "They trade some quality for speed, privacy and a much lower bill.\n\n"
            "Distillation and better data made most of the difference.\n\n"
            "Share on Twitter · Facebook · LinkedIn ⟦scrape-debris⟧\n"
            "14 comments ⟦scrape-debris⟧\n"
            "You might also like ⟦scrape-debris⟧\n"
            "Benchmarks Are Broken ⟦scrape-debris⟧\n"
            "Copyright © 2025 AI Weekly. All rights reserved. ⟦scrape-debris⟧\n",
            "Small models.",
        ),
    ),
    Case(
        "chrome-tags-ru.txt",
        _post(
            "Распознавание речи для русского языка",
            "Открытые модели распознавания речи хорошо понимают русский язык.\n\n"
            "Их можно дообучить на записях своего колл-центра за несколько дней.\n\n"
            "Теги: распознавание речи, whisper, нейросети ⟦scrape-debris⟧\n"
            "Подпишитесь на наш канал в Telegram ⟦scrape-debris⟧\n",
        ),
    ),
    Case(
        "table-ru.txt",
        _post(
            "Сравнение открытых моделей",
            "Мы сравнили три открытые модели на наших задачах.\n\n"
            "Результаты\n\n"
            "Модель Параметры Контекст Лицензия ⟦flattened-table⟧\n"
            "Llama 70B 128K Llama\n"
            "Mistral 7B 32K Apache\n"
            "Qwen 72B 128K Qwen\n\n"
            "Для коротких задач хватает самой маленькой модели.\n",
        ),
    ),
    Case(
        "table-en.txt",
        _post(
            "GPU Prices Compared",
            "We priced an hour of training on three clouds.\n\n"
            "Provider GPU Price Region ⟦flattened-table⟧\n"
            "Alpha A100 2.10 US\n"
            "Beta H100 3.50 EU\n"
            "Gamma L4 0.70 US\n\n"
            "Spot instances cut the bill further if the job can be resumed.\n",
            "GPU prices.",
        ),
    ),
    Case(
        "offer-more-ru.md",
        _post(
            "Векторные базы данных",
            "## Зачем они нужны\n\n"
            "Векторная база хранит эмбеддинги и быстро находит ближайшие к запросу.\n\n"
            "## Что выбрать\n\n"
            "Для небольших проектов хватит расширения к обычной базе данных.\n\n"
            "Если нужно, я могу подготовить сравнительную таблицу популярных решений. ⟦placeholder-text⟧\n",
        ),
    ),
    Case(
        "offer-more-en.md",
        _post(
            "Fine-Tuning on a Budget",
            "## LoRA\n\n"
            "Low-rank adapters train a tiny fraction of the weights and fit on one GPU.\n\n"
            "## Data\n\n"
            "A few thousand clean examples beat a million noisy ones.\n\n"
            "Would you like me to write a follow-up with a complete training script? ⟦placeholder-text⟧\n",
            "Cheap fine-tuning.",
        ),
    ),
    Case(
        "offer-rewrite-ru.txt",
        _post(
            "ИИ в образовании",
            "Школы пробуют чат-ботов как помощников учителя.\n\n"
            "Проверка заданий\n"
            "Бот проверяет типовые задачи и объясняет ошибки ученику простыми словами.\n\n"
            "Могу также сократить статью или адаптировать её для родителей — просто скажите. ⟦placeholder-text⟧\n",
        ),
    ),
    Case(
        "offer-questions-en.txt",
        _post(
            "AI Agents for Customer Support",
            "Support agents built on language models answer routine questions around the clock.\n\n"
            "Escalation\n"
            "The agent hands the conversation to a person when it is unsure or the customer is upset.\n\n"
            "Feel free to ask if you want more examples or a shorter version of this post. ⟦placeholder-text⟧\n",
            "Support agents.",
        ),
    ),
    Case(
        "hope-helps-en.md",
        _post(
            "Understanding Temperature in Sampling",
            "Temperature scales the logits before sampling the next token.\n\n"
            "Low values make answers repeatable; high values make them varied and riskier.\n\n"
            "I hope this helps! If you have any other questions, I'm happy to assist. ⟦placeholder-text⟧\n",
            "Sampling temperature.",
        ),
    ),
    Case(
        "assistant-self-ru.txt",
        _post(
            "Прогнозы рынка ИИ",
            "Аналитики ждут роста рынка генеративного ИИ в ближайшие годы.\n\n"
            "Будучи искусственным интеллектом, я не могу предсказывать цены акций, но могу описать тенденции. ⟦placeholder-text⟧\n\n"
            "Главная тенденция — переход от экспериментов к внедрению в продукты.\n",
        ),
    ),
    Case(
        "assistant-self-en.txt",
        _post(
            "Is AI Art Really Art?",
            "The debate about machine-made images is older than diffusion models.\n\n"
            "I'm an AI, so I don't have feelings about art, but I can summarise both sides. ⟦placeholder-text⟧\n\n"
            "Critics say intent is missing; supporters point to the choices the prompter makes.\n",
            "AI art.",
        ),
    ),
    Case(
        "slot-variable-ru.md",
        _post(
            "Экономия на облачных GPU",
            "Переход на спотовые инстансы снизил наши расходы на [N]% за квартал. ⟦placeholder-text⟧\n\n"
            "Задачи обучения сохраняют чекпойнты каждые полчаса, поэтому прерывания не страшны.\n",
        ),
    ),
    Case(
        "slot-named-en.md",
        _post(
            "Launching an Internal Copilot",
            "Our copilot launched on [Launch Date] for the whole engineering team. ⟦placeholder-text⟧\n\n"
            "Adoption grew fastest among people who write tests.\n",
            "An internal copilot.",
        ),
    ),
    Case(
        "slot-date-ru.txt",
        _post(
            "Итоги хакатона по ИИ",
            "Хакатон прошёл [дата проведения] в нашем офисе. ⟦placeholder-text⟧\n\n"
            "Команды за два дня собрали прототипы ассистентов для разных отделов.\n",
        ),
    ),
    Case(
        "cjk-mid-sentence-en.txt",
        _post(
            "How Models Learn Grammar",
            "Language models pick up grammar without being told the rules.\n\n"
            "Probing studies find that the middle layers encode 句法 structure more than the top ones. ⟦foreign-script⟧\n\n"
            "That suggests grammar is learned early and reused for meaning.\n",
            "Grammar in models.",
        ),
    ),
    Case(
        "cjk-term-en.md",
        _post(
            "Long Context Without the Cost",
            "Attention grows with the square of the context length.\n\n"
            "Sliding windows keep the 计算 cost linear while still reading long documents. ⟦foreign-script⟧\n\n"
            "Retrieval is the other way to give a model more to read.\n",
            "Long context.",
        ),
    ),
    Case(
        "clean-human-sign-off-en.md",
        _post(
            "What I Learned Shipping a RAG App",
            "We shipped a retrieval app to three hundred users last month.\n\n"
            "## Chunking matters\n\n"
            "Splitting by headings beat fixed-size chunks in every test we ran.\n\n"
            "## To do\n\n"
            "- [x] cache embeddings\n- [ ] add citations\n\n"
            "If you build something similar, I'd love to hear about it. Thanks for reading!\n",
            "Shipping a RAG app.",
        ),
    ),
    Case(
        "clean-ai-quote-ru.md",
        _post(
            "Как распознать текст нейросети",
            "Тексты нейросетей выдают шаблонные обороты.\n\n"
            "Например, фраза «Если хотите, я могу добавить раздел о…» в конце статьи почти "
            "всегда значит, что текст не вычитали.\n\n"
            "Редактору стоит искать и такие следы, как «[Вставьте пример]».\n",
        ),
    ),
    Case(
        "clean-checkbox-list.md",
        _post(
            "План миграции на новую модель",
            "## Задачи\n\n"
            "- [x] прогнать тесты на старой модели\n- [ ] сравнить ответы на 500 вопросах\n\n"
            "Матрица [A] умножается на вектор [x], как в формуле выше.\n\n"
            "Если хотите помочь, напишите мне в почту.\n",
        ),
    ),
    Case(
        "clean-chinese-name-en.md",
        _post(
            "A Short History of Word Embeddings",
            "Word2vec made embeddings popular in 2013.\n\n"
            "Later work by Fei-Fei Li (李飞飞) and others brought the same idea to images.\n\n"
            "The term 嵌入 is how Chinese papers name it, as in “词嵌入”.\n",
            "Word embeddings.",
        ),
    ),
    # Clean articles: the rules must find nothing in them.
    Case(
        "clean-discussing-chatbots.md",
        _post(
            "Почему чат-боты говорят «как языковая модель»",
            "Ранние ассистенты часто начинали ответ фразой «As an AI language model, I…», и "
            "пользователи быстро превратили её в мем.\n\n"
            "## Откуда берутся шаблоны\n\n"
            "Модели учатся на ответах, которые одобрили разметчики, и повторяют удачные обороты.\n\n"
            "**Важно:** шаблонная фраза не делает ответ ни честнее, ни точнее.\n\n"
            "Что вы думаете об этом?\n",
        ),
    ),
    Case(
        "clean-code-placeholders.md",
        _post(
            "Шаблоны промптов в коде",
            "Промпт удобно хранить как шаблон с подстановками:\n\n"
            '```python\nprompt = "Summarize {{text}} for [AUDIENCE]"\n# TODO: move to config\n```\n\n'
            "Перед отправкой подставьте значения, например `[AUDIENCE]`.\n\n"
            "## Итоги\n\n"
            "Шаблоны упрощают эксперименты: GANы, BERTовские модели и GPT-4 принимают один формат.\n",
        ),
    ),
    Case(
        "clean-english-notes.md",
        _post(
            "Notes From a Week With Local Models",
            "I ran three open models on my laptop for a week.\n\n"
            "**Speed.** The smallest one answered instantly; the largest needed a minute.\n\n"
            "**Quality.** For email drafts the difference was hard to see.\n\n"
            "## What I would do again\n\n"
            "- keep a small model for drafts\n- use a large one for code review\n\n"
            "See you next week :)\n",
            "Local models.",
        ),
    ),
    Case(
        "clean-text-post.txt",
        _post(
            "Как мы строили поиск по документации",
            "Поиск по документации — первое, что просили наши пользователи.\n\n"
            "Индексация\n"
            "Мы разбили документы на фрагменты по заголовкам и построили векторный индекс.\n\n"
            "Ранжирование\n"
            "Сначала ищем кандидатов по векторам, затем переупорядочиваем их небольшой моделью.\n\n"
            "Что дальше\n"
            "Планируем добавить ответы с цитатами и ссылками на разделы.\n",
        ),
    ),
    Case(
        "clean-text-quote.txt",
        _post(
            "The Bitter Lesson, Revisited",
            "Rich Sutton argued that general methods that use computation win in the long run.\n\n"
            '"The biggest lesson that can be read from 70 years of AI research is that general '
            'methods that leverage computation are ultimately the most effective."\n\n'
            "— Rich Sutton\n\n"
            "Seven years later, the argument still holds for language models.\n",
            "The bitter lesson.",
        ),
    ),
)
