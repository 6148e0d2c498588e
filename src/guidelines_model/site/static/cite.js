/* The Cite controls: opening one (click, Enter or Space on "Cite") copies its citation, with the
   permanent link, to the clipboard. Where the clipboard cannot be written, the citation is
   selected in the open control, to copy by hand. Without JavaScript the control still opens
   and shows the citation. */
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  function plain(el) { return el.textContent.replace(/\s+/g, " ").trim(); }
  document.querySelectorAll("[data-cite]").forEach(function (box) {
    var text = box.querySelector("[data-cite-text]");
    var button = box.querySelector("[data-cite-copy]");
    var status = box.querySelector(".cite-status");
    var link = box.querySelector("[data-cite-href]");
    function select() {
      var range = document.createRange();
      range.selectNodeContents(text);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    function byHand() {
      select();
      status.textContent = "Selected: copy it with Ctrl+C (\u2318C on a Mac).";
    }
    function copy() {
      if (link && !link.textContent) {
        // No base URL at build time: the link is this site's own address of the sentence.
        link.textContent = " " + new URL(root + link.getAttribute("data-cite-href"), location.href).href;
      }
      status.textContent = "";
      if (!navigator.clipboard || !navigator.clipboard.writeText) { byHand(); return; }
      navigator.clipboard.writeText(plain(text)).then(function () {
        status.textContent = "Copied to the clipboard.";
      }, byHand);
    }
    button.hidden = false;
    button.addEventListener("click", copy);
    box.addEventListener("toggle", function () { if (box.open) copy(); });
  });
})();
