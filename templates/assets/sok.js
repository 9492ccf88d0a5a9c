// Full-text search as progressive enhancement. Without JavaScript the page lists every page
// and says how to search it; with it, this searches the index the build writes
// (assets/sokindex.js: every page's text in passages, each under its heading's anchor).
// Works offline, from file:// and under any sub-path: every address is relative to the root.
//
// Swedish-aware matching: å, ä and ö may be typed as a and o; each word is reduced to its
// stem (the Snowball Swedish stemmer) and found at the start of a word or, from four letters
// on, inside a compound ("hemlöshet" finds "hemlöshetskartläggningen").
(function () {
  "use strict";
  var form = document.getElementById("sokformular");
  var input = document.getElementById("sokfalt");
  var results = document.getElementById("sokresultat");
  var status = document.getElementById("sokstatus");
  var allPages = document.getElementById("allasidor");
  var filters = document.getElementById("sokfilter");
  var municipalityFilter = document.getElementById("sokkommun");
  var yearFilter = document.getElementById("sokar");
  var index = window.ARSRAPPORT_SOKINDEX;
  if (!form || !input || !results || !status || !index || !Array.isArray(index.passages)) return;
  var root = form.getAttribute("data-root") || "";
  var suffix = form.getAttribute("data-suffix") || "";
  var pages = index.pages;
  var noScript = document.getElementById("utan-javascript");
  if (noScript) noScript.hidden = true;
  if (filters) filters.hidden = false;

  // Lower case without diacritics, one UTF-16 unit for one, so that positions in the folded
  // text are positions in the original (for the snippet's marks).
  var foldCache = {};
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i), code = c.charCodeAt(0);
      if (code < 128) { out += c.toLowerCase(); continue; }
      var f = foldCache[c];
      if (f === undefined) {
        f = c.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        if (f.length !== 1) f = c.toLowerCase().length === 1 ? c.toLowerCase() : c;
        if (code === 0xAD || code === 0x200B) f = " ";
        foldCache[c] = f;
      }
      out += f;
    }
    return out;
  }
  function isLetter(c) { return /[a-z0-9\u00c0-\u024f]/.test(c); }

  // The Snowball Swedish stemmer, on folded text (å, ä, ö already a and o).
  var vowels = "aeiouy";
  var step1 = ["heterna", "hetens", "anden", "heter", "arnas", "ernas", "ornas", "andes", "arens", "andet",
               "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade", "are", "ern",
               "ens", "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "a", "e"];
  function stem(word) {
    var r1 = 0;
    for (var i = 1; i < word.length; i++) {
      if (vowels.indexOf(word[i]) === -1 && vowels.indexOf(word[i - 1]) !== -1) { r1 = i + 1; break; }
    }
    if (r1 === 0) return word;
    r1 = Math.max(r1, 3);
    function inR1(suffix) { return word.length - suffix.length >= r1 && word.slice(-suffix.length) === suffix; }
    var removed = false;
    for (var s = 0; s < step1.length; s++) {
      if (inR1(step1[s])) { word = word.slice(0, -step1[s].length); removed = true; break; }
    }
    if (!removed && inR1("s") && "bcdfghjklmnoprtvy".indexOf(word[word.length - 2]) !== -1) word = word.slice(0, -1);
    if (["dd", "gd", "nn", "dt", "gt", "kt", "tt"].some(inR1)) word = word.slice(0, -1);
    if (inR1("fullt")) word = word.slice(0, -1);
    else if (inR1("lost")) word = word.slice(0, -1);
    else if (inR1("lig") || inR1("els")) word = word.slice(0, -3);
    else if (inR1("ig")) word = word.slice(0, -2);
    return word;
  }

  var stopWords = {"och": 1, "i": 1, "pa": 1, "att": 1, "det": 1, "som": 1, "en": 1, "ett": 1, "av": 1, "for": 1,
                   "med": 1, "till": 1, "ar": 1, "om": 1, "de": 1, "den": 1, "har": 1, "inte": 1, "vid": 1};
  function terms(query) {
    var words = fold(query).split(/[^a-z0-9\u00c0-\u024f]+/).filter(function (w) { return w.length > 1; });
    var content = words.filter(function (w) { return !stopWords[w]; });
    return (content.length ? content : words).map(function (word) {
      var stemmed = stem(word);
      return { word: word, stem: stemmed.length >= 3 ? stemmed : word };
    });
  }

  // The folded text of every passage, made on the first search.
  var folded = null;
  function prepare() {
    folded = index.passages.map(function (p) {
      var page = pages[p[0]];
      return { title: fold(page.t + " " + page.r), heading: fold(p[2]), text: fold(p[3]) };
    });
  }

  // How well one term matches a text: 3 a whole word, 2 the start of a word, 1 inside a
  // compound (for stems of four letters or more), 0 not at all; and where it first does.
  function match(term, text) {
    var best = 0, at = -1, count = 0, from = 0;
    while (true) {
      var i = text.indexOf(term.stem, from);
      if (i === -1) break;
      from = i + 1;
      var start = i === 0 || !isLetter(text[i - 1]);
      var score = 0;
      if (start) {
        var end = i + term.word.length;
        score = text.substr(i, term.word.length) === term.word && (end >= text.length || !isLetter(text[end])) ? 3 : 2;
      } else if (term.stem.length >= 4) {
        score = 1;
      }
      if (score > 0) {
        count++;
        if (score > best) { best = score; at = i; }
        if (count > 20) break;
      }
    }
    return { score: best, at: at, count: count };
  }

  function search(query) {
    var ts = terms(query);
    if (!ts.length) return [];
    if (!folded) prepare();
    var wantMunicipality = municipalityFilter ? municipalityFilter.value : "";
    var wantYear = yearFilter ? yearFilter.value : "";
    var hits = [];
    index.passages.forEach(function (p, n) {
      var page = pages[p[0]];
      if (wantMunicipality && page.k !== wantMunicipality) return;
      if (wantYear && String(page.y) !== wantYear) return;
      var f = folded[n], total = 0, first = -1;
      for (var t = 0; t < ts.length; t++) {
        var inText = match(ts[t], f.text), inHeading = match(ts[t], f.heading), inTitle = match(ts[t], f.title);
        var score = Math.max(inText.score, inHeading.score * 3, inTitle.score * 2);
        if (score === 0) return;  // every word must be found
        total += score + Math.min(inText.count, 5) * 0.2;
        if (first === -1 && inText.at !== -1) first = inText.at;
      }
      hits.push({ passage: p, score: total, at: first });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.passage[0] - b.passage[0]; });
    return hits;
  }

  // About 200 characters of the passage around its first match, each term's matches marked.
  function snippet(text, at, ts) {
    var start = Math.max(0, at - 70), end = Math.min(text.length, start + 220);
    if (start > 0) { var space = text.indexOf(" ", start); if (space !== -1 && space < at) start = space + 1; }
    if (end < text.length) { var back = text.lastIndexOf(" ", end); if (back > at) end = back; }
    var piece = text.slice(start, end), lower = fold(piece), marks = [];
    ts.forEach(function (term) {
      var from = 0, i;
      while ((i = lower.indexOf(term.stem, from)) !== -1) {
        var e = i + term.stem.length;
        while (e < lower.length && isLetter(lower[e])) e++;  // the whole rest of the word
        marks.push([i, e]);
        from = e;
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var p = document.createElement("p");
    p.className = "search-snippet";
    var position = 0;
    if (start > 0) p.appendChild(document.createTextNode("… "));
    marks.forEach(function (m) {
      if (m[0] < position) return;
      p.appendChild(document.createTextNode(piece.slice(position, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(m[0], m[1]);
      p.appendChild(mark);
      position = m[1];
    });
    p.appendChild(document.createTextNode(piece.slice(position) + (end < text.length ? " …" : "")));
    return p;
  }

  var shownPerGroup = 8;
  function show(query) {
    results.textContent = "";
    var ts = terms(query);
    if (!ts.length) {
      status.textContent = "";
      if (allPages) allPages.hidden = false;
      return;
    }
    var hits = search(query);
    if (allPages) allPages.hidden = hits.length > 0;
    if (!hits.length) {
      status.textContent = "Inga träffar för \u201d" + query + "\u201d. Pröva ett annat eller kortare ord" +
        (municipalityFilter && municipalityFilter.value || yearFilter && yearFilter.value ? ", eller sök i alla kommuner och år." : ".");
      return;
    }
    // Grouped by municipality, the group with the best hit first.
    var groups = [], byKey = {};
    hits.forEach(function (hit) {
      var page = pages[hit.passage[0]];
      var key = page.k || "";
      if (!byKey[key]) { byKey[key] = { key: key, hits: [] }; groups.push(byKey[key]); }
      byKey[key].hits.push(hit);
    });
    groups.forEach(function (group) {
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var first = pages[group.hits[0].passage[0]];
      var name = group.key ? (first.r.split(" ")[0] || group.key) : "Jämförelser, teman och övriga sidor";
      heading.textContent = name + " (" + group.hits.length + (group.hits.length === 1 ? " träff)" : " träffar)");
      item.appendChild(heading);
      var list = document.createElement("ol");
      group.hits.slice(0, shownPerGroup).forEach(function (hit) {
        var p = hit.passage, page = pages[p[0]];
        var entry = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + page.p + suffix + (p[1] ? "#" + p[1] : "");
        link.textContent = page.t + (p[2] && p[2] !== page.t ? " \u203a " + p[2] : "");
        entry.appendChild(link);
        if (page.r) {
          var report = document.createElement("span");
          report.className = "search-report";
          report.textContent = " \u2013 " + page.r;
          entry.appendChild(report);
        }
        if (hit.at !== -1) entry.appendChild(snippet(p[3], hit.at, ts));
        list.appendChild(entry);
      });
      item.appendChild(list);
      if (group.hits.length > shownPerGroup) {
        var more = document.createElement("p");
        more.className = "search-more";
        more.textContent = "och " + (group.hits.length - shownPerGroup) + " till. Välj kommun eller år ovan, eller lägg till ett ord, för att se färre.";
        item.appendChild(more);
      }
      results.appendChild(item);
    });
    status.textContent = hits.length + (hits.length === 1 ? " träff" : " träffar") + " för \u201d" + query + "\u201d.";
  }

  function run() {
    show(input.value);
    // The address names the search, so that it can be bookmarked or sent on (not allowed from file:// in every browser).
    try {
      var params = new URLSearchParams();
      if (input.value) params.set("q", input.value);
      if (municipalityFilter && municipalityFilter.value) params.set("kommun", municipalityFilter.value);
      if (yearFilter && yearFilter.value) params.set("ar", yearFilter.value);
      var search = params.toString();
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    } catch (e) { /* the search works without it */ }
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  [municipalityFilter, yearFilter].forEach(function (select) { if (select) select.addEventListener("change", run); });

  var params = new URLSearchParams(window.location.search);
  if (municipalityFilter && params.get("kommun")) municipalityFilter.value = params.get("kommun");
  if (yearFilter && params.get("ar")) yearFilter.value = params.get("ar");
  if (params.get("q")) {
    input.value = params.get("q");
    show(input.value);
  }
})();
