"""settings_from_config, per-post ignores and the rule registry."""

from __future__ import annotations

import re

import pytest
import yaml

from blogbuild.check import RULES, check_post, settings_from_config
from blogbuild.errors import BuildFailed


def test_every_rule_has_a_kebab_id_a_level_and_a_summary() -> None:
    assert len(RULES) >= 25
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_id)
        assert rule.severity in ("error", "warning", "info")
        assert rule.summary and "\n" not in rule.summary


def test_the_catalog_names_exactly_the_rules_that_run() -> None:
    """Rules are described in the catalog and coded in rules/: the two must not drift."""
    from blogbuild.check.rules.registry import SOURCE_CHECKS

    site_families = {"links", "config"}  # checked against the built site, or the front matter
    described = {rule.id for rule in RULES.values() if rule.family not in site_families}
    assert set(SOURCE_CHECKS) == described


def test_cached_findings_and_the_site_check_load_no_rule_code() -> None:
    """A rebuild decodes every cached finding and checks the site's links: neither may
    import the source rules or the Markdown parser, which only posts being checked need."""
    import subprocess
    import sys

    probe = (
        "import pickle, sys; from blogbuild.check.findings import Finding; "
        "from blogbuild.check.rules.links import LinkRef; "
        "import blogbuild.check.site; "
        "print(sorted(m for m in sys.modules if m.startswith(('markdown_it', "
        "'blogbuild.check.rules.leftovers', 'blogbuild.check.document'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_levels_from_yaml_including_bare_off() -> None:
    config = yaml.safe_load("rules:\n  long-title: off\n  missing-description: error\n")
    settings = settings_from_config(config)
    assert settings.severity("long-title") is None
    assert settings.severity("missing-description") == "error"
    assert settings.severity("placeholder-text") == "error"  # default kept


def test_configured_levels_change_findings(make_post) -> None:
    post = make_post("Текст.\n", title="Я" * 80, description=None)
    settings = settings_from_config(
        {"rules": {"long-title": "off", "missing-description": "error"}}
    )
    rules = {(f.rule, f.severity) for f in check_post(post, settings)}
    assert ("missing-description", "error") in rules
    assert not any(rule == "long-title" for rule, _ in rules)


def test_unknown_rules_and_bad_levels_are_all_reported() -> None:
    config = {"rules": {"long-titel": "warning", "foreign-script": "fatal"}, "colour": True}
    with pytest.raises(BuildFailed) as caught:
        settings_from_config(config, line=7)
    messages = [str(p) for p in caught.value.problems]
    assert any(
        "check.rules.long-titel: unknown rule (did you mean long-title?)" in m for m in messages
    )
    assert any("check.rules.foreign-script: level 'fatal'" in m for m in messages)
    assert any("check.colour: unknown setting" in m for m in messages)
    assert all(m.startswith("blogbuild.yaml:7:") for m in messages)


def test_empty_config_gives_defaults() -> None:
    settings = settings_from_config(None)
    assert settings.strict is False
    assert settings.severity("external-link") == "info"


def test_front_matter_ignore_silences_a_rule(make_post) -> None:
    body = "Текст [Вставьте ссылку].\n"
    assert any(f.rule == "placeholder-text" for f in check_post(make_post(body)))
    quiet = make_post(body, check_ignore=("placeholder-text",))
    assert not any(f.rule == "placeholder-text" for f in check_post(quiet))


def test_unknown_ignore_is_reported_on_the_check_line(make_post) -> None:
    post = make_post("Текст.\n", check_ignore=("no-such-rule",), meta_lines={"check": 5})
    (finding,) = [f for f in check_post(post) if f.rule == "unknown-ignore"]
    assert finding.line == 5 and "no-such-rule" in finding.message
