/* The noise toggle of value and comparison pages, the checklist's print button, and the
   contents list folded on narrow screens.
   Without JavaScript both stay hidden and every change is shown. */
(function () {
  "use strict";
  document.querySelectorAll("[data-noise-toggle]").forEach(function (box) {
    var scope = document.getElementById(box.getAttribute("aria-controls"));
    var control = box.closest(".noise-control");
    var status = control.querySelector(".noise-status");
    if (!scope) return;
    function apply(announce) {
      scope.classList.toggle("hide-noise", box.checked);
      if (announce && status) {
        status.textContent = box.checked ? "They are hidden now." : "They are shown now.";
      }
    }
    control.hidden = false;
    box.addEventListener("change", function () { apply(true); });
    apply(false);
  });
  // On a narrow screen the contents fold, so that the document's title comes first.
  if (window.matchMedia("(max-width: 60rem)").matches) {
    document.querySelectorAll("details.toc-fold").forEach(function (d) { d.open = false; });
  }
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
