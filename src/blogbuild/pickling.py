"""Pickling for the frozen dataclasses the cache holds by the thousand."""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle instances of a frozen slots dataclass as the class and its field values.

    Python's own pickling of such classes calls `dataclasses.fields()` for every object both
    ways; the cache index holds thousands of them, and that was most of its load time.
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    assert len(names) > 1 and all(f.init for f in fields(cls)), cls  # type: ignore[arg-type]
    values = attrgetter(*names)

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls
