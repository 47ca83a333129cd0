"""Rendering a post's body: markdown-it-py with blogbuild's plugins, highlighting, math,
sanitising, Jekyll's Liquid and Hugo's shortcodes.

`render.render_post` is the stage's pure entry point: the same post gives the same bytes.
"""
