// brief: progressive enhancements. Every page works without this file.
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

  // Notes: Escape closes a note popover by moving focus back to the
  // text, so keyboard readers are not left with a sheet over the page.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var a = document.activeElement;
    if (a && a.closest && a.closest(".refs")) a.blur();
  });

  // Highlight the claim a note refers to while its marker is hovered or
  // focused, so the sentence and its sidenote are seen together.
  function mark(e, on) {
    var refs = e.target.closest && e.target.closest(".refs");
    if (refs) refs.classList.toggle("active", on);
  }
  document.addEventListener("focusin", function (e) { mark(e, true); });
  document.addEventListener("focusout", function (e) { mark(e, false); });
})();
