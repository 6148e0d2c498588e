/* The noise toggle of value and comparison pages, and the checklist's print button.
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
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
