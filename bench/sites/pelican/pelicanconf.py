"""The Pelican side of the benchmark: the same posts, URLs and page kinds as blogbuild."""

import os

from markdown.extensions.toc import slugify_unicode

SITENAME = "Бенчмарк"
SITEURL = "https://bench.example.org"
TIMEZONE = "Europe/Moscow"
DEFAULT_LANG = "ru"
PATH = "content"
THEME = "simple"
# The built-in theme has no sitemap; this folder adds one as a direct template.
THEME_TEMPLATES_OVERRIDES = [os.path.join(os.path.dirname(__file__), "templates")]
TEMPLATE_EXTENSIONS = [".html", ".xml"]
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "sitemap"]
SITEMAP_SAVE_AS = "sitemap.xml"

ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
CATEGORY_URL = "categories/{slug}/"
CATEGORY_SAVE_AS = "categories/{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
ARCHIVES_SAVE_AS = "posts/index.html"
CATEGORIES_SAVE_AS = "categories/index.html"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
DEFAULT_PAGINATION = 10

# One site-wide feed with the 20 newest posts in full, as the other generators make.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_MAX_ITEMS = 20
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        # Keep Cyrillic in heading ids, as the other generators do.
        "markdown.extensions.toc": {"slugify": slugify_unicode},
    },
    "output_format": "html5",
}
