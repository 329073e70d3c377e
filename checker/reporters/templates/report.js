// claimcheck HTML report: filters by severity, rule, source and entity. Without this script
// every finding stays visible; with it, the filter panel appears and hides what does not match.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var panel = document.getElementById("filter-panel");
  var data = document.getElementById("finding-data");
  if (!form || !panel || !data) {
    return;
  }
  var findings = JSON.parse(data.textContent).findings;
  var status = document.getElementById("filter-status");
  var noMatch = document.getElementById("no-match");
  var groups = Array.prototype.slice.call(document.querySelectorAll("#findings .group"));
  var cards = findings.map(function (f) {
    return { data: f, element: document.getElementById(f.id) };
  });

  function value(name) {
    return form.elements.namedItem(name).value;
  }

  function apply() {
    var severity = value("severity");
    var rule = value("rule");
    var source = value("source");
    var entity = value("entity");
    var shown = 0;
    cards.forEach(function (card) {
      var f = card.data;
      var visible =
        (!severity || f.severity === severity) &&
        (!rule || f.rule === rule) &&
        (!source || f.sources.indexOf(source) !== -1) &&
        (!entity || f.entities.indexOf(entity) !== -1);
      if (card.element) {
        card.element.hidden = !visible;
      }
      if (visible) {
        shown += 1;
      }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".finding:not([hidden])");
    });
    noMatch.hidden = shown !== 0;
    var total = cards.length;
    status.textContent =
      shown === total
        ? "Showing all " + total + (total === 1 ? " finding." : " findings.")
        : "Showing " + shown + " of " + total + (total === 1 ? " finding." : " findings.");
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0); // the form's values are reset after this event
  });
  document.getElementById("clear-filters").addEventListener("click", function () {
    form.reset();
  });
  panel.hidden = false;
  apply();
})();
