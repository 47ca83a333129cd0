"""markdown-it-py plugins that make up blogbuild's Markdown dialect."""
