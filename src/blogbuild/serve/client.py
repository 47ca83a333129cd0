"""The scripts served to preview pages: live reload, restyling and the build-error overlay.

They are kept here as strings, not as .js files, so that they ship inside the wheel without
package-data settings.
"""

from __future__ import annotations

PREFIX = "/__blogbuild/"
LIVE_JS = PREFIX + "live.js"
WORKER_JS = PREFIX + "worker.js"
EVENTS = PREFIX + "events"

# Messages (SSE `state` and `build` events) carry {build, problems} and, for `build`,
# {changed, everything}: the output paths that differ from the previous good build.
LIVE_SCRIPT = """\
(function () {
  "use strict";
  var me = document.currentScript;
  var build = Number(me.dataset.build);
  // The output path this page shows; empty for the not-found and error pages.
  var page = me.dataset.page;
  var overlay = null;
  var dismissed = null;

  function decide(msg) {
    // A state message has no list; and after a missed build the list does not cover the page.
    if (!msg.changed || msg.everything || !page || msg.build !== build + 1) return "reload";
    if (msg.changed.indexOf(page) >= 0) return "reload";
    var restyle = false;
    for (var i = 0; i < msg.changed.length; i++) {
      var key = msg.changed[i];
      if (/\\.css$/.test(key)) restyle = true;
      else if (key.indexOf("assets/") === 0) return "reload";
    }
    return restyle ? "restyle" : "keep";
  }

  function restyle() {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href);
      url.searchParams.set("live", String(build));
      var fresh = link.cloneNode();
      fresh.href = url.href;
      // Swap when the new sheet is in, so the page never shows unstyled.
      fresh.onload = fresh.onerror = function () { link.remove(); };
      link.after(fresh);
    });
  }

  function show(problems) {
    var text = (problems || []).map(function (p) { return p.text; }).join("\\n");
    if (!text || text === dismissed) {
      if (overlay) { overlay.remove(); overlay = null; }
      if (!text) dismissed = null;
      return;
    }
    if (!overlay) {
      overlay = document.createElement("blogbuild-overlay");
      overlay.attachShadow({ mode: "open" });
      document.documentElement.appendChild(overlay);
    }
    var root = overlay.shadowRoot;
    root.innerHTML = '<style>' +
      ':host{all:initial;position:fixed;left:0;right:0;top:0;z-index:2147483647}' +
      'section{font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;color:#fff;' +
      'background:#3b0d0c;border-bottom:3px solid #e5484d;max-height:50vh;overflow:auto;' +
      'padding:12px 48px 12px 16px;box-shadow:0 4px 16px rgba(0,0,0,.4)}' +
      'h2{font:inherit;font-weight:bold;margin:0 0 6px}' +
      'ul{margin:0;padding:0;list-style:none}li{white-space:pre-wrap;margin:2px 0}' +
      'b{color:#ffb4b0;font-weight:normal}' +
      'button{position:absolute;top:8px;right:12px;font:20px/1 sans-serif;color:#fff;' +
      'background:none;border:0;cursor:pointer}</style>' +
      '<section role="alert"><h2></h2><ul></ul>' +
      '<button type="button" aria-label="Hide" title="Hide">\\u00d7</button></section>';
    root.querySelector("h2").textContent =
      "Build failed \\u2014 showing the last good version. Fix and save:";
    var list = root.querySelector("ul");
    problems.forEach(function (p) {
      var item = document.createElement("li");
      var where = document.createElement("b");
      where.textContent = p.line ? p.path + ":" + p.line : p.path;
      item.appendChild(where);
      item.appendChild(document.createTextNode(": " + p.message));
      list.appendChild(item);
    });
    root.querySelector("button").onclick = function () { dismissed = text; show(problems); };
  }

  function handle(msg) {
    // Says the page is live, and which build it last heard of (for tests and curious tools).
    document.documentElement.dataset.liveBuild = String(msg.build);
    show(msg.problems);
    if (msg.build === build) return;
    var action = decide(msg);
    build = msg.build;
    if (action === "reload") location.reload();
    else if (action === "restyle") restyle();
  }

  // One shared connection for all tabs: browsers allow only six HTTP/1.1 connections per
  // host, and an event stream per tab would soon leave none for loading pages.
  if (window.SharedWorker) {
    try {
      var port = new SharedWorker("__WORKER__", { name: "blogbuild-live" }).port;
      port.onmessage = function (e) { handle(e.data); };
      port.start();
      port.postMessage("hello");
      window.addEventListener("pagehide", function () { port.postMessage("bye"); });
      window.addEventListener("pageshow", function (e) {
        if (e.persisted) port.postMessage("hello");
      });
      return;
    } catch (e) { /* fall back to a stream of our own */ }
  }
  // Without a shared worker, only visible tabs keep a stream open; a tab shown again
  // reconnects, and the state it receives reloads it if it missed a build.
  var source = null;
  function listen() {
    if (document.hidden) {
      if (source) { source.close(); source = null; }
    } else if (!source) {
      source = new EventSource("__EVENTS__");
      source.addEventListener("state", function (e) { handle(JSON.parse(e.data)); });
      source.addEventListener("build", function (e) { handle(JSON.parse(e.data)); });
    }
  }
  document.addEventListener("visibilitychange", listen);
  listen();
})();
""".replace("__WORKER__", WORKER_JS).replace("__EVENTS__", EVENTS)

WORKER_SCRIPT = """\
"use strict";
var ports = [];
var state = null;
var source = new EventSource("__EVENTS__");

function relay(e) {
  var msg = JSON.parse(e.data);
  state = { build: msg.build, problems: msg.problems };
  ports.forEach(function (port) { port.postMessage(msg); });
}
source.addEventListener("state", relay);
source.addEventListener("build", relay);

onconnect = function (e) {
  var port = e.ports[0];
  port.onmessage = function (m) {
    var at = ports.indexOf(port);
    if (m.data === "bye") {
      if (at >= 0) ports.splice(at, 1);
    } else if (m.data === "hello") {
      if (at < 0) ports.push(port);
      // A page that connects late learns the current build (and any error) at once.
      if (state) port.postMessage(state);
    }
  };
  port.start();
};
""".replace("__EVENTS__", EVENTS)
