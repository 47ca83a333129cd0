"""The rules' code, one module per family; registry.py runs them (catalog.py says what
each rule is)."""
