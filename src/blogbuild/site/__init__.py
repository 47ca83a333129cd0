"""Planning and rendering the site's pages: URLs, taxonomies, views, templates, feeds, sitemap.

`plan.plan_site` decides which pages exist; `templates` and `machine` turn them into bytes.
"""
