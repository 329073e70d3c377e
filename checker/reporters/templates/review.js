// claimcheck review mode (checker review): keyboard use, and the filters kept across a decision.
// j / k move to the next / previous finding shown, d opens the focused finding's decisions; keys
// typed into a field are left alone. Each decision form carries the page's filters (its address's
// query) so that the page the server returns after the decision shows the same view.
(function () {
  "use strict";

  function shownCards() {
    // the findings the filters leave (a folded one counts: moving to it opens its fold)
    var all = document.querySelectorAll("#findings article.finding");
    return Array.prototype.filter.call(all, function (card) {
      return !card.closest("[hidden]");
    });
  }

  function current(cards) {
    var active = document.activeElement;
    var card = active ? active.closest("article.finding") : null;
    return card ? cards.indexOf(card) : -1;
  }

  function focusCard(card) {
    var fold = card.closest("details");
    if (fold && !fold.open) {
      fold.open = true;
    }
    card.setAttribute("tabindex", "-1");
    card.focus();
    card.scrollIntoView({ block: "center" }); // not under the sticky filter panel
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target && target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    var cards = shownCards();
    if (!cards.length) {
      return;
    }
    var at = current(cards);
    if (event.key === "j" || event.key === "k") {
      var step = event.key === "j" ? 1 : -1;
      var next = at === -1 ? (step === 1 ? 0 : cards.length - 1) : at + step;
      if (next >= 0 && next < cards.length) {
        focusCard(cards[next]);
      }
      event.preventDefault();
    } else if (event.key === "d" && at !== -1) {
      var decide = cards[at].querySelector("details.decide");
      if (decide) {
        decide.open = true;
        var first = decide.querySelector("input:not([type=hidden]), textarea, button");
        if (first) {
          first.focus();
        }
        event.preventDefault();
      }
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var query = form.elements ? form.elements.namedItem("query") : null;
    if (query) {
      query.value = window.location.search.replace(/^\?/, "");
    }
  });

  // The page the server returns after a decision names the next finding in its address: focus it,
  // and keep what the decision did in sight (a note pinned to the bottom of the window, read out
  // with the finding) until Escape or a click puts it back at the top of the page.
  var id = decodeURIComponent(window.location.hash.slice(1));
  var target = id ? document.getElementById(id) : null;
  var status = document.getElementById("review-status");
  if (target && target.matches("article.finding")) {
    if (status) {
      status.classList.add("review-pinned");
      target.setAttribute("aria-describedby", "review-status");
      var unpin = function () {
        status.classList.remove("review-pinned");
        target.removeAttribute("aria-describedby");
      };
      status.addEventListener("click", unpin);
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          unpin();
        }
      });
    }
    focusCard(target);
  } else if (status) {
    status.setAttribute("tabindex", "-1");
    status.focus();
  }
})();
