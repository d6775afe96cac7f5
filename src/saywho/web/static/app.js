// saywho: the article page's popovers. The page works without this script (each highlight has a title).
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var pop = document.getElementById("popover");
  if (!text || !pop) return;
  var pinned = null;
  var hideTimer = null;

  // The native tooltip would double the popover: keep the title for screen readers as aria-label.
  text.querySelectorAll(".hl[title]").forEach(function (el) {
    el.setAttribute("aria-label", el.getAttribute("title"));
    el.removeAttribute("title");
  });

  function parts(key) {
    return text.querySelectorAll('.hl[data-s="' + CSS.escape(key) + '"]');
  }

  function show(el) {
    var key = el.getAttribute("data-s");
    var body = document.querySelector('#popovers .pop-body[data-for="' + CSS.escape(key) + '"]');
    if (!body) return;
    clearTimeout(hideTimer);
    document.querySelectorAll(".hl.active").forEach(function (x) { x.classList.remove("active"); });
    parts(key).forEach(function (x) { x.classList.add("active"); });
    pop.replaceChildren(body.cloneNode(true));
    pop.dataset.key = key;
    pop.hidden = false;
    var r = el.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - width - 8);
    pop.style.left = Math.max(8, left) + "px";
    pop.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  function hide() {
    pop.hidden = true;
    pop.classList.remove("pinned");
    pinned = null;
    document.querySelectorAll(".hl.active").forEach(function (x) { x.classList.remove("active"); });
  }

  function later() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { if (!pinned) hide(); }, 250);
  }

  text.addEventListener("mouseover", function (e) {
    var el = e.target.closest(".hl");
    if (el && !pinned) show(el);
  });
  text.addEventListener("mouseout", function (e) {
    if (e.target.closest(".hl") && !pinned) later();
  });
  text.addEventListener("focusin", function (e) {
    var el = e.target.closest(".hl");
    if (el) show(el);
  });
  text.addEventListener("click", function (e) {
    var el = e.target.closest(".hl");
    if (!el) return;
    var key = el.getAttribute("data-s");
    if (pinned === key) { hide(); return; }
    show(el);
    pinned = key;
    pop.classList.add("pinned");
    e.stopPropagation();
  });
  text.addEventListener("keydown", function (e) {
    var el = e.target.closest(".hl");
    if (el && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); el.click(); }
  });
  pop.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  pop.addEventListener("mouseleave", function () { if (!pinned) later(); });
  document.addEventListener("click", function (e) {
    if (pinned && !pop.contains(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
