"""YAML reading that reports errors by line, for config and front matter alike."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

# What the values of one document may expand to through aliases (`&a` ... `*a`): a few
# hundred bytes of nested aliases otherwise stand for billions of values, which every later
# walk over them (repr, JSON, templates) would visit.
MAX_VALUES = 100_000
# Deeper values cannot be pickled (for the workers and the cache) nor shown by templates.
MAX_DEPTH = 100


class YamlSourceError(Exception):
    """A YAML document could not be read; `line` is 1-based within the given text."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Oddity:
    """A scalar kept as the text it was written as, because its type's reading failed."""

    line: int  # 1-based within the given text
    message: str


# libyaml's C parser reads front matter about ten times faster; same results, same errors.
_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _lenient(
    read: Callable[[Any, yaml.ScalarNode], Any], kind: str
) -> Callable[[Any, yaml.ScalarNode], Any]:
    """A scalar constructor that keeps the written text when `read` rejects it."""

    def construct(loader: Any, node: yaml.ScalarNode) -> Any:
        try:
            return read(loader, node)
        except (ValueError, KeyError, OverflowError, TypeError, AttributeError, IndexError) as err:
            text = str(node.value)
            shown = text if len(text) <= 40 else text[:37] + "..."
            reason = "too many digits" if "limit" in str(err) else str(err)[:80]
            loader.oddities.append(
                Oddity(
                    node.start_mark.line + 1,
                    f"'{shown}' is not a valid {kind} ({reason}): kept as text",
                )
            )
            return text

    return construct


class _Loader(_BASE):  # type: ignore[valid-type,misc]
    """SafeLoader whose typed scalars (dates, numbers, booleans) never raise: a value the
    resolver took for a type it then cannot read stays the text the author wrote."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.oddities: list[Oddity] = []


for _tag, _name, _kind in (
    ("timestamp", "construct_yaml_timestamp", "date"),
    ("int", "construct_yaml_int", "number"),
    ("float", "construct_yaml_float", "number"),
    ("bool", "construct_yaml_bool", "boolean"),
):
    _Loader.add_constructor(
        f"tag:yaml.org,2002:{_tag}", _lenient(getattr(yaml.SafeLoader, _name), _kind)
    )


def load_yaml(text: str, oddities: list[Oddity] | None = None) -> Any:
    """Parse YAML safely; raise YamlSourceError with the line of the fault.

    Scalars kept as text because their type could not be read are added to `oddities`.
    """
    loader = _Loader(text)
    try:
        value = loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        line, reason = _explained(err, text)
        raise YamlSourceError(line, f"invalid YAML: {reason}") from None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, max(err.position, 0)) + 1
        char = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
        raise YamlSourceError(line, f"invalid YAML: {err.reason} ({char})") from None
    except yaml.YAMLError as err:
        raise YamlSourceError(None, f"invalid YAML: {err}") from None
    except RecursionError:
        raise YamlSourceError(None, "invalid YAML: nested too deeply") from None
    except UnicodeError as err:
        raise YamlSourceError(None, f"invalid YAML: {err}") from None
    finally:
        loader.dispose()
    if oddities is not None:
        oddities.extend(loader.oddities)
    return value


def expanded_size(value: Any, limit: int = MAX_VALUES) -> tuple[int, int] | None:
    """How many values `value` holds once its aliases are expanded (counting stops past
    `limit`) and how deeply they nest; None when it contains itself (`&a [*a]`)."""
    sizes: dict[int, tuple[int, int]] = {}
    open_ids: set[int] = set()
    # each entry: a container and its children still to count, or None once they are
    stack: list[tuple[Any, list[Any] | None]] = [(value, None)]
    while stack:
        item, pending = stack.pop()
        if pending is None:
            if not isinstance(item, (list, dict)) or id(item) in sizes:
                continue
            if id(item) in open_ids:
                return None
            open_ids.add(id(item))
            children = list(item) if isinstance(item, list) else [*item.keys(), *item.values()]
            stack.append((item, children))
            stack.extend((child, None) for child in children)
            continue
        counted = [sizes.get(id(child), (1, 0)) for child in pending]
        total = 1 + sum(size for size, _ in counted)
        depth = 1 + max((deep for _, deep in counted), default=0)
        sizes[id(item)] = (min(total, limit + 1), depth)
        open_ids.discard(id(item))
    return sizes.get(id(value), (1, 0))


def key_lines(text: str) -> dict[str, int]:
    """Map each top-level key of a YAML mapping to its 1-based line."""
    try:
        node = yaml.compose(text, Loader=_BASE)
    except (yaml.YAMLError, RecursionError, UnicodeError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): key.start_mark.line + 1
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }


# What PyYAML says while an opener is still waiting for its closer, and what that means
_UNCLOSED = {
    "while scanning a quoted scalar": "the quote opened here is never closed",
    "while parsing a flow sequence": "the '[' opened here is never closed",
    "while parsing a flow mapping": "the '{' opened here is never closed",
}
_KEY_LINE = re.compile(r"^(\s*[\w-]+):[ \t]+(.*\S)\s*$")


def _explained(err: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line a person must fix, and what to do there, for PyYAML's complaint `err`."""
    context = (err.context or "").strip()
    for start, meaning in _UNCLOSED.items():
        if context.startswith(start) and err.context_mark is not None:
            return err.context_mark.line + 1, meaning
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark is not None else None
    reason = err.problem or err.context or "invalid YAML"
    if mark is not None and (err.problem or "").startswith("mapping values are not allowed"):
        lines = text.splitlines()
        written = lines[mark.line] if mark.line < len(lines) else ""
        if (found := _KEY_LINE.match(written)) and ": " in found.group(2):
            key, value = found.groups()
            quoted = value.replace("\\", "\\\\").replace('"', '\\"')
            fixed = f'{key.strip()}: "{quoted}"'
            return line, f'the value holds ": ", which YAML reads as a key; quote it: {fixed}'
    return line, reason
