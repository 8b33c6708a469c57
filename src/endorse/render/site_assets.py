"""The public page's stylesheet and script, inline in every page and fragment.

Every selector starts with `.endorse-site`, so that a fragment in a website's
page styles itself only. The script works on the rows of the page's table:
it folds case and accents away as `endorse.places.names.fold` does for the
`data-search` attribute it reads beside each row's text ("montreal" finds
Montréal, "lodz" finds Łódź), hides the rows that do not match, and says how
many are shown in a live region.
"""

from __future__ import annotations

from typing import Final

STYLE: Final = """
.endorse-site { --ink: #1c2733; --muted: #4f5b69; --line: #d5dbe2; --accent: #12365c;
  --wash: #f3f5f8; --focus: #ffbf47; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif; }
body:has(> .endorse-site) { margin: 0; }
.endorse-site * { box-sizing: border-box; }
.endorse-site .wrap { max-width: 1040px; margin: 0 auto; padding: 0 20px; }
.endorse-site .skip { position: absolute; left: -9999px; }
.endorse-site .skip:focus { left: 12px; top: 12px; z-index: 2; padding: 8px 12px;
  background: #fff; color: var(--accent); }
.endorse-site .masthead { padding: 20px 0 28px; color: #fff; background: var(--accent); }
.endorse-site .masthead h1 { margin: 0; font-size: 28px; line-height: 1.25; }
.endorse-site .eyebrow { margin: 0 0 8px; font-size: 14px; letter-spacing: .06em;
  text-transform: uppercase; }
.endorse-site nav.languages ul { display: flex; justify-content: flex-end; gap: 16px;
  margin: 0 0 12px; padding: 0; list-style: none; }
.endorse-site nav.languages a { color: #fff; }
.endorse-site nav.languages a[aria-current] { font-weight: 700; text-decoration: none; }
.endorse-site h2 { margin: 36px 0 12px; font-size: 22px; color: var(--accent); }
.endorse-site h3 { margin: 20px 0 8px; font-size: 18px; }
.endorse-site a { color: var(--accent); }
.endorse-site a:focus-visible, .endorse-site input:focus-visible,
.endorse-site select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px;
  box-shadow: 0 0 0 5px var(--ink); }
.endorse-site .note, .endorse-site .hint, .endorse-site .sources, .endorse-site footer {
  color: var(--muted); font-size: 14px; }
.endorse-site footer { margin-top: 40px; padding-top: 12px; padding-bottom: 24px;
  border-top: 1px solid var(--line); }
.endorse-site ul.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; padding: 0;
  list-style: none; }
.endorse-site ul.totals li { padding: 10px 16px; border: 1px solid var(--line);
  border-radius: 8px; background: var(--wash); }
.endorse-site ul.totals strong { display: block; font-size: 26px; color: var(--accent);
  font-variant-numeric: tabular-nums; }
.endorse-site form.controls { display: grid; gap: 10px 16px; margin: 0 0 12px;
  grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); }
.endorse-site form.controls[hidden] { display: none; }
.endorse-site .field.search { grid-column: 1 / -1; }
.endorse-site label { display: block; font-size: 14px; font-weight: 600; }
.endorse-site input, .endorse-site select { width: 100%; min-height: 40px; padding: 6px 8px;
  font: inherit; color: var(--ink); background: #fff; border: 1px solid #6b7785;
  border-radius: 6px; }
.endorse-site .hint { display: block; }
.endorse-site .shown { margin: 8px 0; font-weight: 600; }
.endorse-site table.signatories { width: 100%; border-collapse: collapse; font-size: 15px; }
.endorse-site caption { text-align: left; color: var(--muted); font-size: 14px;
  padding: 4px 0; }
.endorse-site th, .endorse-site td { padding: 6px 10px; text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--line); }
.endorse-site thead th { font-size: 13px; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); }
.endorse-site tbody th { font-weight: 600; }
.endorse-site tr[hidden] { display: none; }
@media (max-width: 640px) {
  .endorse-site .masthead h1 { font-size: 22px; }
  .endorse-site table.signatories, .endorse-site table.signatories tbody,
  .endorse-site table.signatories tr, .endorse-site table.signatories th,
  .endorse-site table.signatories td { display: block; }
  .endorse-site table.signatories thead { position: absolute; width: 1px; height: 1px;
    overflow: hidden; clip: rect(0 0 0 0); }
  .endorse-site table.signatories tr { padding: 8px 0; border-bottom: 1px solid var(--line); }
  .endorse-site table.signatories tr[hidden] { display: none; }
  .endorse-site table.signatories th, .endorse-site table.signatories td { padding: 1px 0;
    border: 0; }
  .endorse-site table.signatories td:empty { display: none; }
  .endorse-site table.signatories td::before { content: attr(data-label) ": ";
    color: var(--muted); }
}
@media print {
  .endorse-site .skip, .endorse-site nav.languages, .endorse-site form.controls,
  .endorse-site .shown { display: none; }
  .endorse-site .masthead { color: var(--ink); background: none;
    border-bottom: 3px solid var(--accent); }
  .endorse-site tr, .endorse-site figure { break-inside: avoid; }
  .endorse-site * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

SCRIPT: Final = r"""
(function () {
  "use strict";
  var site = document.currentScript.closest(".endorse-site");
  var form = site.querySelector("form.controls");
  if (!form) { return; }
  var body = site.querySelector("table.signatories tbody");
  var rows = Array.prototype.slice.call(body.rows);
  var shownLine = site.querySelector(".shown");
  var empty = site.querySelector(".empty");
  var language = site.closest("[lang]").getAttribute("lang");
  var numbers = new Intl.NumberFormat(language);
  var collator = new Intl.Collator(language, {sensitivity: "base", numeric: true});
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var keys = rows.map(function (row) {
    return fold(row.textContent) + " " + row.getAttribute("data-search");
  });
  function value(name) { return form.elements[name].value; }
  function apply() {
    var words = fold(value("q")).split(/\s+/).filter(Boolean);
    var wanted = {
      "data-region": value("region"), "data-country": value("country"),
      "data-member": value("member"), "data-status": value("status")
    };
    var names = Object.keys(wanted).filter(function (name) { return wanted[name]; });
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], key = keys[i], show = true;
      for (var n = 0; show && n < names.length; n++) {
        show = row.getAttribute(names[n]) === wanted[names[n]];
      }
      for (var w = 0; show && w < words.length; w++) {
        show = key.indexOf(words[w]) !== -1;
      }
      if (row.hidden === show) { row.hidden = !show; }
      if (show) { shown++; }
    }
    shownLine.textContent = shownLine.getAttribute("data-template")
      .replace("{shown}", numbers.format(shown)).replace("{total}", numbers.format(rows.length));
    empty.hidden = shown > 0;
  }
  function compare(by) {
    return function (a, b) {
      var first = rows[a], second = rows[b], order = 0;
      if (by === "date") {
        order = second.getAttribute("data-date").localeCompare(first.getAttribute("data-date"));
      } else if (by === "country") {
        order = collator.compare(first.getAttribute("data-country-name"),
                                 second.getAttribute("data-country-name"));
      }
      return order || a - b;
    };
  }
  function sort() {
    var order = rows.map(function (row, index) { return index; }).sort(compare(value("sort")));
    var sorted = document.createDocumentFragment();
    order.forEach(function (index) { sorted.appendChild(rows[index]); });
    body.appendChild(sorted);
  }
  form.addEventListener("input", function (event) {
    if (event.target.name === "sort") { sort(); } else { apply(); }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
"""
