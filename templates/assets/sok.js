// Search as progressive enhancement: the page lists every page without JavaScript; with it,
// this filters the index the build writes (assets/sokindex.js) as the reader types.
// Works offline, from file:// and under any sub-path: every address is relative to the root.
(function () {
  "use strict";
  var form = document.getElementById("sokformular");
  var input = document.getElementById("sokfalt");
  var results = document.getElementById("sokresultat");
  var status = document.getElementById("sokstatus");
  var allPages = document.getElementById("allasidor");
  var index = window.ARSRAPPORT_SOKINDEX;
  if (!form || !input || !results || !status || !Array.isArray(index)) return;
  var root = form.getAttribute("data-root") || "";
  var suffix = form.getAttribute("data-suffix") || "";

  // "Sjukfrånvaro" finds "sjukfranvaro" and the other way round, as in the site's addresses.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var entries = index.map(function (entry) {
    return { entry: entry, title: fold(entry.title + " " + entry.report), all: fold(entry.title + " " + entry.report + " " + entry.text) };
  });

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (words.length === 0) {
      status.textContent = "";
      allPages.hidden = false;
      return;
    }
    var hits = entries.filter(function (e) {
      return words.every(function (w) { return e.all.indexOf(w) !== -1; });
    });
    // Pages whose title names every word first, then the rest in site order.
    hits.sort(function (a, b) {
      var at = words.every(function (w) { return a.title.indexOf(w) !== -1; }) ? 0 : 1;
      var bt = words.every(function (w) { return b.title.indexOf(w) !== -1; }) ? 0 : 1;
      return at - bt;
    });
    hits.slice(0, 50).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.entry.path + suffix;
      link.textContent = hit.entry.title;
      item.appendChild(link);
      if (hit.entry.report) {
        var report = document.createElement("span");
        report.className = "search-report";
        report.textContent = " – " + hit.entry.report;
        item.appendChild(report);
      }
      results.appendChild(item);
    });
    allPages.hidden = true;
    status.textContent = hits.length === 0
      ? "Inga träffar för \u201d" + query + "\u201d."
      : hits.length + (hits.length === 1 ? " träff" : " träffar") + " för \u201d" + query + "\u201d" + (hits.length > 50 ? ", de 50 första visas." : ".");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    show(query);
  }
})();
