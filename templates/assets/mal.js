// The goals page narrowed in place, by municipality, theme and verdict. Without JavaScript
// the page lists every goal and links to a page per theme and per municipality instead.
(function () {
  "use strict";
  var form = document.getElementById("malfilter");
  var status = document.getElementById("malfilter-status");
  if (!form || !status) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var goals = Array.prototype.slice.call(document.querySelectorAll("li.goal[data-kommun]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.goal-group"));
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function apply() {
    var wanted = {};
    selects.forEach(function (select) { wanted[select.getAttribute("data-filter")] = select.value; });
    var shown = 0;
    goals.forEach(function (goal) {
      var match = ["kommun", "tema", "bedomning"].every(function (key) {
        return !wanted[key] || goal.getAttribute("data-" + key) === wanted[key];
      });
      goal.hidden = !match;
      if (match) shown++;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("li.goal:not([hidden])"); });
    var any = selects.some(function (select) { return select.value; });
    status.textContent = any ? shown + " av " + goals.length + " mål visas." : "";
  }
  selects.forEach(function (select) { select.addEventListener("change", apply); });
  apply();
})();
