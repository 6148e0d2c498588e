/* Client-side search over search-index.js: every word must appear (case and accents ignored).
   Results are built with DOM calls only (no innerHTML), so no text can become markup. */
(function () {
  "use strict";
  var data = window.GUIDELINES_INDEX;
  var input = document.getElementById("q");
  var select = document.getElementById("edition");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  var LIMIT = 100;
  if (!data || !input || !list) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, "\"").toLowerCase();
  }
  var nodes = data.nodes.map(function (n) {
    return { node: n, hay: fold(n.text + " " + n.id + " " + n.edition) };
  });

  function marked(text, terms) {
    var out = document.createDocumentFragment();
    var lower = text.toLowerCase();
    var at = 0;
    while (at < text.length) {
      var best = -1, len = 0;
      terms.forEach(function (t) {
        var i = lower.indexOf(t, at);
        if (i !== -1 && (best === -1 || i < best)) { best = i; len = t.length; }
      });
      if (best === -1) break;
      if (best > at) out.appendChild(document.createTextNode(text.slice(at, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + len);
      out.appendChild(mark);
      at = best + len;
    }
    if (at < text.length) out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  function result(n, terms) {
    var ed = data.editions[n.edition];
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = ed.url + "#" + n.id;
    a.className = "result-link";
    var where = document.createElement("span");
    where.className = "result-where";
    where.textContent = ed.label + " · " + n.kind.replace(/-/g, " ") + " · " + n.id;
    var text = document.createElement("span");
    text.className = "result-text";
    text.lang = ed.lang;
    text.appendChild(marked(n.text, terms));
    a.appendChild(where);
    a.appendChild(text);
    li.appendChild(a);
    return li;
  }

  function run() {
    var query = input.value.trim();
    var edition = select ? select.value : "";
    var terms = fold(query).split(/\s+/).filter(Boolean);
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (edition) params.set("edition", edition);
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
    list.textContent = "";
    if (!terms.length) {
      status.textContent = "Type a word to search " + nodes.length + " texts.";
      return;
    }
    var hits = nodes.filter(function (e) {
      return (!edition || e.node.edition === edition) &&
        terms.every(function (t) { return e.hay.indexOf(t) !== -1; });
    });
    var shown = hits.slice(0, LIMIT);
    var plainTerms = query.toLowerCase().split(/\s+/).filter(Boolean);
    shown.forEach(function (e) { list.appendChild(result(e.node, plainTerms)); });
    if (!hits.length) status.textContent = "No text contains \u201c" + query + "\u201d.";
    else if (hits.length > LIMIT) status.textContent = "The first " + LIMIT + " of " + hits.length + " results.";
    else status.textContent = hits.length + (hits.length === 1 ? " result." : " results.");
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (select) select.value = params.get("edition") || "";
  input.addEventListener("input", run);
  if (select) select.addEventListener("change", run);
  input.form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  run();
  if (!input.value) input.focus();
})();
