// The Eleventy side of the benchmark: the same posts, URLs and page kinds as blogbuild.
// Plugins resolve from node_modules, which the runner links to bench/peers/eleventy/.
import { feedPlugin } from "@11ty/eleventy-plugin-rss";
import syntaxHighlight from "@11ty/eleventy-plugin-syntaxhighlight";
import markdownItAnchor from "markdown-it-anchor";

const PAGE_SIZE = 10;

// One entry per page of a term's post list, so term pages paginate like Hugo's.
function termPages(posts, field, slugify) {
  const byTerm = new Map();
  for (const post of posts) {
    for (const term of post.data[field] || []) {
      if (!byTerm.has(term)) byTerm.set(term, []);
      byTerm.get(term).push(post);
    }
  }
  const pages = [];
  for (const [name, list] of [...byTerm].sort((a, b) => a[0].localeCompare(b[0]))) {
    const total = Math.ceil(list.length / PAGE_SIZE);
    for (let n = 0; n < total; n++) {
      pages.push({
        name, slug: slugify(name), number: n, total, count: list.length,
        posts: list.slice(n * PAGE_SIZE, (n + 1) * PAGE_SIZE),
      });
    }
  }
  return pages;
}

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(syntaxHighlight);
  eleventyConfig.amendLibrary("md", (md) => md.use(markdownItAnchor));
  eleventyConfig.addPlugin(feedPlugin, {
    type: "atom",
    outputPath: "/feed.xml",
    collection: { name: "posts", limit: 20 },
    metadata: {
      language: "ru",
      title: "Бенчмарк",
      subtitle: "",
      base: "https://bench.example.org/",
      author: { name: "Бенчмарк" },
    },
  });
  const slugify = eleventyConfig.getFilter("slugify");
  const newestFirst = (api) =>
    api.getFilteredByGlob("posts/*.md").sort((a, b) => b.date - a.date);
  // The feed plugin reverses its collection, so it gets the oldest-first order.
  eleventyConfig.addCollection("posts", (api) =>
    api.getFilteredByGlob("posts/*.md").sort((a, b) => a.date - b.date));
  eleventyConfig.addCollection("newest", newestFirst);
  eleventyConfig.addCollection("tagPages", (api) => termPages(newestFirst(api), "tags", slugify));
  eleventyConfig.addCollection("categoryPages", (api) =>
    termPages(newestFirst(api), "categories", slugify));
  eleventyConfig.addFilter("isoDate", (date) => date.toISOString());
  eleventyConfig.addFilter("ruDate", (date) =>
    date.toLocaleDateString("ru-RU", { timeZone: "Europe/Moscow" }));
  return { markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
}
