// brief: progressive enhancements. Every page works without this file:
// a marker then jumps to its note in the list at the end of the page.
// Article text is never parsed as HTML here: the script only moves,
// shows and hides elements the page already has.
(function () {
  "use strict";

  // Matrix: offer a filter showing contested facts only.
  var box = document.getElementById("only-contested");
  if (box) {
    var table = document.querySelector(".matrix[role=table]");
    box.closest(".matrix-filter").hidden = false;
    box.addEventListener("change", function () {
      table.classList.toggle("only-contested", box.checked);
    });
  }

  // Notes. Each sentence has one marker (a.mk) that controls its note
  // (li.note in the list at the end of the page).
  var list = document.querySelector("#main .notes-list");
  if (!list) return;
  var root = document.documentElement;
  var wrap = list.closest(".wrap");
  var marks = [].slice.call(document.querySelectorAll("#main a.mk[aria-controls]"));
  var pairs = [];
  marks.forEach(function (m) {
    var n = document.getElementById(m.getAttribute("aria-controls"));
    if (!n) return;
    m.setAttribute("aria-expanded", "false");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "note-close";
    close.setAttribute("aria-label", "Close note");
    close.textContent = "×";
    n.insertBefore(close, n.firstChild);
    pairs.push({ m: m, n: n });
  });
  root.classList.add("js");

  // Wide screens have a margin for the notes (the breakpoint of
  // style.css section 8).
  var wide = window.matchMedia("(min-width: 70rem)");
  var open = null; // the pair whose note is open

  function noteOf(el) {
    for (var i = 0; i < pairs.length; i++) {
      if (pairs[i].m === el || pairs[i].n === el) return pairs[i];
    }
    return null;
  }

  // layout places the notes. In the margin, each note starts at its
  // marker's line, or just below the note above it if that one reaches
  // further; a note whose marker is hidden (in a closed disclosure) is
  // hidden too. Then notes pushed down are pulled back up where the
  // notes above them leave room, so that a crowded stretch spreads both
  // ways around its markers.
  var gap = 6;
  function layout() {
    var margin = wide.matches;
    root.classList.toggle("notes-margin", margin);
    if (!margin) {
      pairs.forEach(function (p) { p.n.style.top = ""; });
      if (open) placePopover(open);
      return;
    }
    var origin = wrap.getBoundingClientRect().top;
    var shown = [];
    pairs.forEach(function (p) {
      var r = p.m.getClientRects()[0];
      var hidden = !r || !p.m.offsetParent || (p.m.checkVisibility && !p.m.checkVisibility({ contentVisibilityAuto: true }));
      p.n.classList.toggle("off", hidden);
      if (!hidden) shown.push({ p: p, want: r.top - origin - 1, h: 0, top: 0 });
    });
    // Heights are those of closed notes: an open one lies over the
    // others and must not push them away.
    if (open) open.n.classList.remove("open");
    shown.forEach(function (s) { s.h = s.p.n.offsetHeight; });
    if (open) open.n.classList.add("open");
    var bottom = -Infinity;
    shown.forEach(function (s) {
      s.top = Math.max(s.want, bottom + gap);
      bottom = s.top + s.h;
    });
    // Pull back up: walk upwards, moving each pushed note towards its
    // marker as far as the note above allows (never above its marker).
    for (var i = shown.length - 1; i > 0; i--) {
      var s = shown[i], above = shown[i - 1];
      var room = s.top - (above.top + above.h + gap);
      if (s.top > s.want && room > 0) s.top -= Math.min(room, s.top - s.want);
    }
    shown.forEach(function (s) { s.p.n.style.top = s.top + "px"; });
  }

  // placePopover puts an open note under its marker's line (narrow
  // screens).
  function placePopover(p) {
    var r = p.m.getBoundingClientRect();
    p.n.style.top = (r.bottom - wrap.getBoundingClientRect().top + 6) + "px";
  }

  function show(p, focus) {
    if (open && open !== p) hide(false);
    open = p;
    p.n.classList.add("open");
    p.m.setAttribute("aria-expanded", "true");
    if (!wide.matches) placePopover(p);
    if (focus) p.n.focus({ preventScroll: true });
    var r = p.n.getBoundingClientRect();
    if (r.bottom > window.innerHeight || r.top < 0) p.n.scrollIntoView({ block: "nearest" });
  }

  function hide(refocus) {
    if (!open) return;
    var p = open;
    open = null;
    p.n.classList.remove("open");
    p.m.setAttribute("aria-expanded", "false");
    if (!wide.matches) p.n.style.top = "";
    if (refocus) p.m.focus();
  }

  document.addEventListener("click", function (e) {
    var t = e.target;
    var m = t.closest && t.closest("a.mk[aria-controls]");
    var p = m && noteOf(m);
    if (p) {
      e.preventDefault();
      if (open === p) hide(false);
      else show(p, e.detail === 0); // detail 0: Enter, not a pointer
      return;
    }
    if (!open) return;
    if (t.closest(".note-close") || t.closest(".backref")) {
      e.preventDefault();
      hide(true);
      return;
    }
    if (!open.n.contains(t)) hide(false);
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && open) {
      e.preventDefault();
      hide(true);
    }
  });

  // A marker and its note light up together while either is hovered.
  function hot(e, on) {
    var t = e.target.closest && e.target.closest("a.mk[aria-controls], li.note");
    var p = t && noteOf(t);
    if (p) {
      p.m.classList.toggle("hot", on);
      p.n.classList.toggle("hot", on);
    }
  }
  document.addEventListener("mouseover", function (e) { hot(e, true); });
  document.addEventListener("mouseout", function (e) { hot(e, false); });

  // Lay out again whenever lines can move: a resize, fonts arriving, a
  // disclosure opening or closing.
  var queued = false;
  function relayout() {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () {
      queued = false;
      layout();
    });
  }
  layout();
  if (window.ResizeObserver) new ResizeObserver(relayout).observe(document.querySelector("#main"));
  window.addEventListener("resize", relayout);
  document.addEventListener("toggle", relayout, true);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(relayout);
  if (wide.addEventListener) wide.addEventListener("change", relayout);
})();
