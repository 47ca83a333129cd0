// Light/dark switch: follows the system until the reader picks, then remembers the choice.
// The button names what it will do, in the site's language, and shows the other mode's icon.
(function () {
  var root = document.documentElement;
  var button = document.querySelector(".theme-toggle");
  var system = window.matchMedia("(prefers-color-scheme: dark)");
  function isDark() {
    return root.dataset.theme ? root.dataset.theme === "dark" : system.matches;
  }
  function show() {
    var dark = isDark();
    var label = dark ? button.dataset.labelLight : button.dataset.labelDark;
    button.setAttribute("aria-label", label);
    button.title = label;
    button.querySelector(".theme-toggle__moon").hidden = dark;
    button.querySelector(".theme-toggle__sun").hidden = !dark;
  }
  if (button) {
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      root.dataset.theme = isDark() ? "light" : "dark";
      try { localStorage.setItem("theme", root.dataset.theme); } catch (e) {}
      show();
    });
    if (system.addEventListener) system.addEventListener("change", show);
  }

  // Code blocks: a button that copies the code (the text stays selectable without it).
  var labels = document.body.dataset;
  document.querySelectorAll(".prose .highlight").forEach(function (block) {
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "code-copy";
    copy.textContent = labels.copyCode;
    copy.addEventListener("click", function () {
      var code = block.querySelector("code").innerText;
      var done = function () {
        copy.textContent = labels.codeCopied;
        setTimeout(function () { copy.textContent = labels.copyCode; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code).then(done, function () { fallback(code, done); });
      } else {
        fallback(code, done);  // a page opened from disk or over plain HTTP
      }
    });
    block.appendChild(copy);
  });
  function fallback(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { if (document.execCommand("copy")) done(); } finally { document.body.removeChild(area); }
  }

  // The contents: collapsed above the article on narrow screens, open beside it on wide ones.
  var toc = document.querySelector(".toc__details");
  if (toc) {
    var wide = window.matchMedia("(min-width: 80rem)");
    toc.open = wide.matches;
    if (wide.addEventListener) wide.addEventListener("change", function () { toc.open = wide.matches; });
    markCurrentSection(toc);
  }

  // While the reader scrolls, the contents mark the section being read (aria-current): the
  // last one whose heading has passed the upper quarter of the window, or the last of all
  // at the page's end, where short closing sections never reach that line.
  function markCurrentSection(list) {
    var links = Array.prototype.slice.call(list.querySelectorAll('a[href^="#"]'));
    var headings = links.map(function (link) {
      return document.getElementById(decodeURIComponent(link.hash.slice(1)));
    });
    var marked = null;
    var pending = false;
    function mark() {
      pending = false;
      var line = window.innerHeight / 4;
      var current = null;
      for (var i = 0; i < headings.length; i++) {
        if (!headings[i]) continue;
        if (headings[i].getBoundingClientRect().top > line) break;
        current = links[i];
      }
      var root = document.documentElement;
      if (window.scrollY > 0 && window.innerHeight + window.scrollY >= root.scrollHeight - 2) {
        current = links[links.length - 1];
      }
      if (current === marked) return;
      if (marked) marked.removeAttribute("aria-current");
      if (current) {
        current.setAttribute("aria-current", "true");
        var box = list.closest(".toc");
        // keep the marked entry in sight when the sidebar itself scrolls
        if (box && box.scrollHeight > box.clientHeight) {
          var link = current.getBoundingClientRect();
          var view = box.getBoundingClientRect();
          if (link.top < view.top || link.bottom > view.bottom) {
            box.scrollTop += link.top - view.top - box.clientHeight / 2;
          }
        }
      }
      marked = current;
    }
    function later() {
      if (!pending) { pending = true; window.requestAnimationFrame(mark); }
    }
    window.addEventListener("scroll", later, { passive: true });
    window.addEventListener("resize", later);
    mark();
  }
})();
