"""blogbuild: a static blog generator for articles about AI."""

__version__ = "0.1.0"
