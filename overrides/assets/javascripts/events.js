/* Klarsida: moves events that have ended since the last build from "upcoming" to "past".
 * Progressive enhancement: the build already sorts events (and the site is rebuilt nightly),
 * so without JavaScript the listing is at most a day stale. Only the events listing and the start
 * page's upcoming list are touched; the start page has no "past" list, so there they just go, and
 * when none is left (and no next meeting) the start page leads with the latest meeting instead.
 * An event's own page shows "This event has ended" at the top once it has ended. */
(function () {
  "use strict";

  function ended(item, now) {
    var end = Date.parse(item.getAttribute("data-ks-ends"));
    return !isNaN(end) && end <= now;
  }

  function showEmpty(name, list) {
    var empty = document.querySelector('[data-ks-empty="' + name + '"]');
    var hasItems = !!(list && list.querySelector("li"));
    if (empty) empty.hidden = hasItems;
    if (list && !hasItems) list.parentNode.removeChild(list);
  }

  function overNotice(now) {
    var notice = document.querySelector(".ks-status--over[data-ks-ends]");
    if (notice && notice.hidden && ended(notice, now)) notice.hidden = false;
  }

  function update(now) {
    overNotice(now);
    var upcoming = document.querySelector('[data-ks-events="upcoming"]');
    if (!upcoming) return;
    var done = Array.prototype.filter.call(upcoming.querySelectorAll("li[data-ks-ends]"), function (item) {
      return ended(item, now);
    });
    if (!done.length) return;
    var past = document.querySelector('[data-ks-events="past"]');
    var emptyPast = document.querySelector('[data-ks-empty="past"]');
    if (!past && !emptyPast) {  // the start page
      done.forEach(function (item) { item.parentNode.removeChild(item); });
      showEmpty("upcoming", upcoming);
      var next = document.querySelector('[data-ks-home="next"]');
      if (next && !next.querySelector("li, .ks-next-meeting")) next.hidden = true;
      return;
    }
    if (!past) {
      past = document.createElement("ul");
      past.className = "ks-list";
      past.setAttribute("data-ks-events", "past");
      emptyPast.parentNode.insertBefore(past, emptyPast);
    }
    // Upcoming is soonest first and past newest first, so each ended event goes on top in turn.
    done.forEach(function (item) {
      past.insertBefore(item, past.firstChild);
    });
    showEmpty("upcoming", upcoming);
    showEmpty("past", past);
  }

  function run() {
    update(Date.now());
  }

  // Material's instant navigation swaps pages without a load event; document$ fires on each page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run, { once: true });
  } else {
    run();
  }
})();
