// Live reload for `brief serve`. The server adds this script to the pages
// it serves; `brief build` output never contains it.
//
// It listens on the event stream next to itself (a same-origin, relative
// URL, so it works behind a proxy and under a base path):
//   reload      reload the page, keeping the scroll position
//   css         only stylesheets changed: swap them without reloading
//   builderror  the latest build failed: show the errors over the page
//   ok          the error is fixed and the page is current: hide them
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var version = me.getAttribute("data-brief-version") || "";
  var events = new URL("events", me.src);
  var scrollKey = "brief-scroll:" + location.pathname + location.search;
  var overlayId = "brief-error-overlay";
  var source = null;

  restoreScroll();
  connect();
  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", function (e) {
    if (e.persisted) connect(); // back from the back-forward cache
  });

  function connect() {
    if (source) return;
    events.searchParams.set("v", version);
    source = new EventSource(events.href);
    source.addEventListener("reload", function () {
      try {
        sessionStorage.setItem(scrollKey, window.scrollX + "," + window.scrollY);
      } catch (e) {}
      disconnect();
      location.reload();
    });
    source.addEventListener("css", function (e) {
      version = e.lastEventId || version;
      var hashes = {};
      try {
        hashes = JSON.parse(e.data) || {};
      } catch (err) {}
      swapStylesheets(hashes);
      hideOverlay();
    });
    source.addEventListener("builderror", function (e) {
      var list;
      try {
        list = JSON.parse(e.data);
      } catch (err) {
        list = [{ message: String(e.data) }];
      }
      showOverlay(list);
    });
    source.addEventListener("ok", function () {
      hideOverlay();
    });
  }

  function disconnect() {
    if (source) {
      source.close();
      source = null;
    }
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (e) {}
    if (!saved) return;
    var xy = saved.split(",");
    var apply = function () {
      window.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0);
    };
    apply();
    if (document.readyState !== "complete") {
      window.addEventListener("load", apply, { once: true });
    }
  }

  // swapStylesheets loads each same-origin stylesheet again under a new
  // query and removes the old link once the new one has loaded, so the
  // page does not flash unstyled. hashes maps the site's stylesheets
  // (paths relative to the base path) to their new contents' hashes: a
  // stylesheet of the site is loaded from the URL that names them, which
  // the browser may keep, as the pages served next name it too.
  function swapStylesheets(hashes) {
    var stamp = Date.now().toString(36);
    var base = new URL("../", me.src);
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      var rel = url.pathname.indexOf(base.pathname) === 0 ? decodeURI(url.pathname.slice(base.pathname.length)) : "";
      if (Object.prototype.hasOwnProperty.call(hashes, rel)) {
        url.searchParams.delete("brief");
        url.searchParams.set("v", hashes[rel]);
      } else {
        url.searchParams.set("brief", stamp);
      }
      if (url.href === link.href) return;
      var next = link.cloneNode(false);
      next.href = url.href;
      var drop = function () {
        link.remove();
      };
      next.addEventListener("load", drop, { once: true });
      next.addEventListener("error", drop, { once: true });
      link.after(next);
    });
  }

  function hideOverlay() {
    var old = document.getElementById(overlayId);
    if (old) old.remove();
  }

  // showOverlay lists the errors over the page. Error text can quote
  // article text, so it is only ever inserted as text, never as HTML.
  function showOverlay(list) {
    hideOverlay();
    var box = document.createElement("div");
    box.id = overlayId;
    box.setAttribute("role", "alert");
    box.style.cssText =
      "all:initial;display:block;position:fixed;top:0;left:0;right:0;" +
      "z-index:2147483647;max-height:60vh;overflow:auto;box-sizing:border-box;" +
      "padding:12px 20px;background:#fff4f4;color:#111;border-bottom:4px solid #c00;" +
      "box-shadow:0 4px 16px rgba(0,0,0,.25);white-space:pre-wrap;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.title = "Hide until the next build";
    close.setAttribute("aria-label", "Hide");
    close.style.cssText = "float:right;font:inherit;font-size:20px;border:0;background:none;cursor:pointer";
    close.addEventListener("click", hideOverlay);
    box.appendChild(close);
    var title = document.createElement("strong");
    title.textContent = "brief: the build failed; this is the last good version of the site.";
    box.appendChild(title);
    list.forEach(function (e) {
      var item = document.createElement("div");
      item.className = "brief-error";
      item.style.marginTop = "10px";
      var pos = e.file || "";
      if (pos && e.line) {
        pos += ":" + e.line;
        if (e.col) pos += ":" + e.col;
      }
      if (pos) {
        var where = document.createElement("b");
        where.className = "brief-error-pos";
        where.textContent = pos;
        item.appendChild(where);
        item.appendChild(document.createTextNode(": "));
      }
      item.appendChild(document.createTextNode(String(e.message)));
      if (e.lineText) {
        var line = document.createElement("pre");
        line.style.cssText = "margin:4px 0 0;padding:4px 8px;background:#fde2e2;font:inherit";
        line.textContent = e.lineText;
        item.appendChild(line);
      }
      box.appendChild(item);
    });
    (document.body || document.documentElement).appendChild(box);
  }
})();
