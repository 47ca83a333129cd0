// The search page: Pagefind's interface (it follows <html lang>), the query taken from ?q=,
// which the search box in every page's header sends.
(function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  var fallback = document.querySelector("[data-search-without-script]");
  if (fallback) fallback.hidden = true;
  var ui = new PagefindUI({
    element: "#search",
    showImages: false,
    showSubResults: true,
    translations: { placeholder: box.dataset.placeholder },
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
