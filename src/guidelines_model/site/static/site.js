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
  // Checklist ticks stay in this browser (local storage) until cleared.
  var KEEP = "guidelines-checklist:";
  var boxes = document.querySelectorAll("input[data-keep]");
  function stored(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function store(key, on) {
    try { if (on) localStorage.setItem(key, "1"); else localStorage.removeItem(key); } catch (e) { /* private mode */ }
  }
  boxes.forEach(function (box) {
    box.checked = stored(KEEP + box.name) === "1";
    box.addEventListener("change", function () { store(KEEP + box.name, box.checked); });
  });
  document.querySelectorAll("[data-clear-ticks]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; store(KEEP + box.name, false); });
    });
  });
  // A link to an id: bring its heading into view with it, or say that the page has no such id.
  function arrive() {
    var id = decodeURIComponent(location.hash.slice(1));
    var old = document.getElementById("missing-id");
    if (old) old.remove();
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) {
      var main = document.querySelector("main");
      if (!main) return;
      var note = document.createElement("p");
      note.id = "missing-id";
      note.className = "missing-id wrap";
      note.setAttribute("role", "status");
      note.appendChild(document.createTextNode("Nothing on this page has the id \u201c" + id + "\u201d. "));
      var a = document.createElement("a");
      a.href = (document.body.getAttribute("data-root") || "") + "search.html?q=" + encodeURIComponent(id.split("/").slice(1).join(" ") || id);
      a.textContent = "Search for it";
      note.appendChild(a);
      main.insertBefore(note, main.firstChild);
      return;
    }
    // The outermost section around the target whose heading fits on screen with it.
    var best = null;
    for (var el = target.parentElement; el; el = el.parentElement) {
      if (!el.matches("section, fieldset")) continue;
      var heading = el.querySelector("h1, h2, h3, h4, legend");
      if (!heading) continue;
      var gap = target.getBoundingClientRect().top - heading.getBoundingClientRect().top;
      if (gap > 0 && gap < window.innerHeight * 0.6) best = el;
    }
    if (best) best.scrollIntoView();
  }
  window.addEventListener("hashchange", arrive);
  if (location.hash) window.requestAnimationFrame(arrive);
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
