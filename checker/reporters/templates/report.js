// claimcheck HTML report: filters by severity, rule, source and entity, kept in the page's address.
// Without this script every error and warning stays visible and the info notes stay in their fold
// (a <details> element, opened with a click); with it, the filter panel appears, hides what does
// not match, writes the filters into the address (?severity=warning&rule=V001) so that a filtered
// view can be bookmarked, reloaded or shared, and reads them back on load.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var panel = document.getElementById("filter-panel");
  var data = document.getElementById("finding-data");
  if (!form || !panel || !data) {
    openFoldOfTarget();
    window.addEventListener("hashchange", openFoldOfTarget);
    return;
  }
  var NAMES = ["severity", "rule", "source", "entity"];
  var findings = JSON.parse(data.textContent).findings;
  var status = document.getElementById("filter-status");
  var noMatch = document.getElementById("no-match");
  var groups = Array.prototype.slice.call(document.querySelectorAll("#findings .group"));
  var folds = Array.prototype.slice.call(document.querySelectorAll("#findings details.fold"));
  var cards = findings.map(function (f) {
    return { data: f, element: document.getElementById(f.id) };
  });

  function field(name) {
    return form.elements.namedItem(name);
  }

  function value(name) {
    return field(name).value;
  }

  // The filters in the address: only known names, and only values one of the options has.
  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    NAMES.forEach(function (name) {
      var wanted = params.get(name) || "";
      var select = field(name);
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      select.value = known ? wanted : "";
    });
  }

  function writeAddress() {
    var params = new URLSearchParams(window.location.search);
    NAMES.forEach(function (name) {
      var chosen = value(name);
      if (chosen) {
        params.set(name, chosen);
      } else {
        params.delete(name);
      }
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try {
      window.history.replaceState(window.history.state, "", address);
    } catch (error) {
      // Some browsers refuse to rewrite a file: address; the filters still work.
    }
  }

  function openFoldOfTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var fold = target ? target.closest("details") : null;
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }

  function apply() {
    var severity = value("severity");
    var rule = value("rule");
    var source = value("source");
    var entity = value("entity");
    var filtering = Boolean(severity || rule || source || entity);
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
    if (filtering) {
      // A filter asks to see what it matches: open the folds that hold a match.
      folds.forEach(function (fold) {
        if (fold.querySelector(".finding:not([hidden])")) {
          fold.open = true;
        }
      });
    }
    noMatch.hidden = shown !== 0;
    var total = cards.length;
    status.textContent =
      shown === total
        ? "Showing all " + total + (total === 1 ? " finding." : " findings.")
        : "Showing " + shown + " of " + total + (total === 1 ? " finding." : " findings.");
  }

  function changed() {
    apply();
    writeAddress();
  }

  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(changed, 0); // the form's values are reset after this event
  });
  document.getElementById("clear-filters").addEventListener("click", function () {
    form.reset();
  });
  window.addEventListener("hashchange", openFoldOfTarget);
  window.addEventListener("beforeprint", function () {
    folds.forEach(function (fold) {
      fold.open = true; // a printed report holds every finding on the page
    });
  });
  window.addEventListener("popstate", function () {
    readAddress();
    apply();
  });
  readAddress();
  panel.hidden = false;
  apply();
  openFoldOfTarget();
})();
