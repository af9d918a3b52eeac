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
  // A trend chart that says where its buckets lie (data-zoom) zooms: dragging across it narrows the
  // page to the dates of the buckets dragged over (its from and to), a page of its own, so the
  // browser's Back and the page's "Show all dates" lead out again.
  document.querySelectorAll("svg.trend-chart[data-zoom]").forEach(function (chart) {
    var interval = chart.getAttribute("data-zoom");
    var first = chart.getAttribute("data-first").split("-").map(Number);
    var buckets = Number(chart.getAttribute("data-buckets"));
    var left = Number(chart.getAttribute("data-left"));
    var right = Number(chart.getAttribute("data-right"));
    var height = chart.viewBox.baseVal.height;
    var band = null, start = null, suppress = false;

    function start_of(k) {
      var d = new Date(Date.UTC(first[0], first[1] - 1, first[2]));
      if (interval === "day") d.setUTCDate(d.getUTCDate() + k);
      else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7 * k);
      else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + k);
      else d.setUTCFullYear(d.getUTCFullYear() + k);
      return d;
    }
    function iso(d) { return d.toISOString().slice(0, 10); }
    // Where the pointer is, in the chart's own units, kept within the plot.
    function x_of(event) {
      var point = chart.createSVGPoint();
      point.x = event.clientX; point.y = event.clientY;
      var x = point.matrixTransform(chart.getScreenCTM().inverse()).x;
      return Math.min(right, Math.max(left, x));
    }
    function bucket_at(x) { return Math.round((x - left) / (right - left) * (buckets - 1)); }

    chart.addEventListener("mousedown", function (event) {
      if (event.button !== 0) return;
      start = x_of(event);
      suppress = false;
    });
    chart.addEventListener("mousemove", function (event) {
      if (start === null) return;
      var x = x_of(event);
      if (!band && Math.abs(x - start) < 4) return;
      event.preventDefault();
      if (!band) {
        suppress = true;
        band = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        band.setAttribute("class", "zoom-band");
        band.setAttribute("y", "0");
        band.setAttribute("height", String(height));
        chart.appendChild(band);
      }
      band.setAttribute("x", String(Math.min(start, x)));
      band.setAttribute("width", String(Math.abs(x - start)));
    });
    window.addEventListener("mouseup", function (event) {
      if (start === null) return;
      var from = start, dragged = band !== null;
      start = null;
      if (!dragged) return;
      band.remove(); band = null;
      var to = x_of(event);
      var a = bucket_at(Math.min(from, to)), b = bucket_at(Math.max(from, to));
      var last = start_of(b + 1);
      last.setUTCDate(last.getUTCDate() - 1);
      var url = new URL(window.location.href);
      url.searchParams.set("from", iso(start_of(a)));
      url.searchParams.set("to", iso(last));
      window.location.assign(url.toString());
    });
    // A drag ends on the chart; the click it makes must not follow a point's link.
    chart.addEventListener("click", function (event) {
      if (suppress) { event.preventDefault(); suppress = false; }
    }, true);

    var hint = document.createElement("p");
    hint.className = "zoom-hint";
    hint.textContent = "Drag across the chart to narrow it to those dates.";
    chart.parentNode.insertBefore(hint, chart.nextSibling);
  });

  // Coming back through the history shows the form as it was, with every field usable.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.search [disabled]").forEach(function (field) { field.disabled = false; });
  });
})();
