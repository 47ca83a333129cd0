"""Reading a site's sources: configuration, post files, front matter, dates and slugs.

Everything here turns bytes on disk into validated `Post` values; nothing renders or writes.
"""
