"""The page stage: which pages changed, rendered in worker processes."""
