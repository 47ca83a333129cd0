"""Fuzzed posts and the harness that runs them (tests/integration/test_fuzz.py, bench/fuzz.py)."""
