"""The recall set of bench/check_cases.py: its keys name real rules, its split is fixed, and
on the dev half (the one rules are designed on) every planted defect is found."""

from __future__ import annotations

from pathlib import Path

from bench.check_cases import CASES, Case, half, materialise
from bench.check_recall import score

from blogbuild.check.catalog import RULES


def test_every_key_names_a_rule_and_every_name_is_unique() -> None:
    assert len({case.name for case in CASES}) == len(CASES)
    for case in CASES:
        for _, rule in materialise(case)[1]:
            assert rule in RULES, (case.name, rule)


def test_keys_are_stripped_and_placed_on_their_lines() -> None:
    text, planted = materialise(Case("x.md", "a\nb ⟦placeholder-text⟧\nc ⟦duplicate-heading⟧\n"))
    assert text == "a\nb\nc\n"
    assert planted == [(2, "placeholder-text"), (3, "duplicate-heading")]


def test_the_split_is_fixed_by_the_name() -> None:
    assert [half(name) for name in ("chat-preamble-ru.md", "template-slot.md")] == [
        "dev",
        "held-out",
    ]
    halves = {half(case.name) for case in CASES}
    assert halves == {"dev", "held-out"}


def test_the_dev_half_is_found_whole_with_no_false_alarm(tmp_path: Path) -> None:
    wanted, found, misses, alarms = score("dev", tmp_path)
    assert found == wanted
    assert sum(wanted.values()) >= 40
    assert misses == []
    assert alarms == []
