// Posts take blogbuild's URL; a function, because Markdown here is not run through a template engine.
module.exports = {
  layout: "post.njk",
  permalink: (data) => `/posts/${data.page.fileSlug}/index.html`,
};
