/* Client-side search over search-index.js. Texts and queries are folded alike: accents and
   case dropped, curly quotes straight, US and UK spellings one word (the diff's own rules,
   shipped in the index). Results are ranked (the exact phrase, then every word, then some),
   and the same id in several editions is one result that lists them. Results are built with
   DOM calls only (no innerHTML), so no text can become markup. */
(function () {
  "use strict";
  var data = window.GUIDELINES_INDEX;
  var input = document.getElementById("q");
  var select = document.getElementById("edition");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  var LIMIT = 100;
  if (!data || !input || !list) return;

  var spelling = data.spelling || { uk_us: {}, us: [], rules: [] };
  var usWords = {};
  spelling.us.forEach(function (w) { usWords[w] = true; });
  var rules = spelling.rules.map(function (r) { return [new RegExp(r[0]), r[1]]; });
  var known = {};

  // The word's spelling shared by its US and UK forms (as diff/spelling.py's canonical()).
  function canonical(word) {
    if (Object.prototype.hasOwnProperty.call(known, word)) return known[word];
    var out = word;
    if (Object.prototype.hasOwnProperty.call(spelling.uk_us, word)) out = spelling.uk_us[word];
    else if (!usWords[word]) {
      for (var i = 0; i < rules.length; i++) {
        if (rules[i][0].test(word)) { out = word.replace(rules[i][0], rules[i][1]); break; }
      }
    }
    known[word] = out;
    return out;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, "\"").toLowerCase()
      .replace(/[a-z]+/g, canonical);
  }

  var nodes = data.nodes.map(function (n, order) {
    var slash = n.id.indexOf("/");
    return {
      node: n,
      order: order,
      text: fold(n.text),
      hay: fold(n.text + " " + n.id + " " + n.edition),
      // The same id in every edition: "voluntary/practice/1".
      group: slash === -1 ? "" : n.id.slice(slash + 1)
    };
  });

  // Every word of the text that holds a query word is marked (folded the same way).
  function marked(text, terms) {
    var out = document.createDocumentFragment();
    var word = /[\p{L}\p{N}\u2019'-]+/gu;
    var at = 0, m;
    while ((m = word.exec(text)) !== null) {
      var folded = fold(m[0]);
      var hit = terms.some(function (t) { return folded.indexOf(t) !== -1; });
      if (!hit) continue;
      if (m.index > at) out.appendChild(document.createTextNode(text.slice(at, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      out.appendChild(mark);
      at = m.index + m[0].length;
    }
    if (at < text.length) out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  function link(n, text) {
    var a = document.createElement("a");
    a.href = data.editions[n.edition].url + "#" + n.id;
    a.textContent = text;
    return a;
  }

  function result(hit, terms) {
    var n = hit.entry.node;
    var ed = data.editions[n.edition];
    var li = document.createElement("li");
    var a = link(n, "");
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
    if (hit.others.length) {
      var also = document.createElement("p");
      also.className = "result-also";
      also.appendChild(document.createTextNode("Also in: "));
      hit.others.forEach(function (o, i) {
        if (i) also.appendChild(document.createTextNode(" · "));
        var other = link(o.node, data.editions[o.node.edition].label);
        other.className = "also";
        other.title = o.node.id;
        also.appendChild(other);
      });
      li.appendChild(also);
    }
    return li;
  }

  // 3: the query as written (folded) is in the text; 2: every word; 1: some words; 0: none.
  function score(entry, phrase, terms) {
    if (entry.text.indexOf(phrase) !== -1) return 3;
    var found = terms.filter(function (t) { return entry.hay.indexOf(t) !== -1; }).length;
    if (found === terms.length) return 2;
    return found ? 1 : 0;
  }

  function run() {
    var query = input.value.trim();
    var edition = select ? select.value : "";
    var terms = fold(query).split(/\s+/).filter(Boolean);
    var phrase = terms.join(" ");
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
    var scored = [];
    nodes.forEach(function (e) {
      if (edition && e.node.edition !== edition) return;
      var s = score(e, phrase, terms);
      if (s) scored.push({ entry: e, score: s });
    });
    scored.sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; });
    var groups = {}, hits = [];
    scored.forEach(function (s) {
      var key = s.entry.group || s.entry.node.id;
      if (groups[key]) { groups[key].others.push(s.entry); return; }
      groups[key] = { entry: s.entry, score: s.score, others: [] };
      hits.push(groups[key]);
    });
    hits.slice(0, LIMIT).forEach(function (h) { list.appendChild(result(h, terms)); });
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
