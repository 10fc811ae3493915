"use strict";
(function () {
  var controls = document.getElementById("controls");
  if (!controls) { return; }
  controls.hidden = false;
  var from = document.getElementById("from");
  var to = document.getElementById("to");

  function pick() {
    var a = Number(from.value), b = Number(to.value);
    if (b <= a) { b = a + 1; to.value = String(b); }
    Array.prototype.forEach.call(document.querySelectorAll("section.step"), function (step) {
      var k = Number(step.dataset.step);
      step.hidden = k < a || k >= b;
    });
  }
  from.addEventListener("change", pick);
  to.addEventListener("change", pick);
  pick();

  function visible(element) { return element.offsetParent !== null; }
  function move(direction) {
    var items = Array.prototype.filter.call(document.querySelectorAll(".pair.changed"), visible);
    if (!items.length) { return; }
    var here = document.querySelector(".pair.current");
    var index = here ? items.indexOf(here) : -1;
    var next = items[Math.min(Math.max(index + direction, 0), items.length - 1)];
    if (here) { here.classList.remove("current"); }
    next.classList.add("current");
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") { return; }
    if (event.key === "n") { event.preventDefault(); move(1); }
    if (event.key === "p") { event.preventDefault(); move(-1); }
  });
})();
