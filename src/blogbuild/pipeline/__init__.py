"""The build recipe and everything around the pure stages: workers, the cache, the writer.

`recipe.build` runs load, render, plan and write; only `output` touches the output folder.
"""
