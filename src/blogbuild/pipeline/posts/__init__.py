"""The post stage behind its cache: load, render and summarise each post file."""
