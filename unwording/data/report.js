"use strict";
(function () {
  var body = document.body;
  var controls = document.getElementById("controls");
  if (!controls) { return; }
  controls.hidden = false;

  function visible(element) { return element.offsetParent !== null; }
  function list(selector) {
    return Array.prototype.filter.call(document.querySelectorAll(selector), visible);
  }
  function current() { return document.querySelector(".pair.current"); }

  function land(target) {
    var old = current();
    if (old) { old.classList.remove("current"); }
    target.classList.add("current");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
    if (target.id) { history.replaceState(null, "", "#" + target.id); }
  }

  function step(selector, direction) {
    var items = list(selector);
    if (!items.length) { return; }
    var here = current();
    var index = here ? items.indexOf(here) : -1;
    if (index < 0) {
      var middle = window.innerHeight / 2;
      index = direction > 0 ? -1 : items.length;
      for (var i = 0; i < items.length; i++) {
        if (items[i].getBoundingClientRect().top > middle) {
          index = direction > 0 ? i - 1 : i;
          break;
        }
      }
    }
    var next = Math.min(Math.max(index + direction, 0), items.length - 1);
    land(items[next]);
  }

  function buildSide() {
    if (body.dataset.sideBuilt) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".text.inline"), function (inline) {
      var side = document.createElement("div");
      side.className = "side";
      [["column-base", "ins", "Base"], ["column-draft", "del", "Draft"]].forEach(function (spec) {
        var column = inline.cloneNode(true);
        column.className = spec[0];
        Array.prototype.forEach.call(column.querySelectorAll(spec[1]), function (node) { node.remove(); });
        var heading = document.createElement("span");
        heading.className = "heading";
        heading.textContent = spec[2];
        column.insertBefore(heading, column.firstChild);
        side.appendChild(column);
      });
      inline.parentNode.insertBefore(side, inline.nextSibling);
    });
    body.dataset.sideBuilt = "1";
  }

  function setView(view) {
    if (view === "side") { buildSide(); }
    body.classList.toggle("view-side", view === "side");
    Array.prototype.forEach.call(controls.querySelectorAll("[data-view]"), function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    });
  }

  controls.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.dataset.view) { setView(button.dataset.view); }
    if (button.dataset.step) {
      var parts = button.dataset.step.split(" ");
      step(parts[0], Number(parts[1]));
    }
  });

  var filter = document.getElementById("show");
  filter.addEventListener("change", function () {
    if (filter.value === "all") { delete body.dataset.show; } else { body.dataset.show = filter.value; }
  });

  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
      return !d.open;
    });
    folded.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    folded.forEach(function (d) { d.open = false; });
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") { return; }
    var keys = { n: [".pair.changed", 1], p: [".pair.changed", -1], f: [".pair.flagged", 1],
                 F: [".pair.flagged", -1] };
    var action = keys[event.key];
    if (action) { event.preventDefault(); step(action[0], action[1]); }
  });
})();
