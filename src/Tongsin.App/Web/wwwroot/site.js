// Small comforts for those with JavaScript on; every page works without this file.
(function () {
  "use strict";

  // "/" jumps to the search box, as on many reading sites, unless the reader is typing somewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.tagName === "INPUT" || active.tagName === "SELECT" || active.tagName === "TEXTAREA" || active.isContentEditable)) return;
    var box = document.querySelector("form.search input[name=q]") || document.querySelector("form.quick input[name=q]");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  // Choosing two versions shows their differences at once.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { if (select.form) select.form.submit(); });
  });

  // Empty filters stay out of the address, so a shared search link reads cleanly.
  document.querySelectorAll("form.search").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && !field.value) field.disabled = true;
      });
    });
  });
  // Coming back through the history shows the form as it was, with every field usable.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.search [disabled]").forEach(function (field) { field.disabled = false; });
  });
})();
