"""The public page's stylesheet and script, inline in every page and fragment.

Every selector starts with `.endorse-site`, so that a fragment in a website's
page styles itself only. The script works on the rows of the page's table:
it folds case and accents away as `endorse.places.names.fold` does for the
`data-search` attribute it reads beside each row's text ("montreal" finds
Montréal, "lodz" finds Łódź) in the name, place and country of each row, keeps
in the table the first 200 rows that match (a button lists them all, and moves
the focus to the first row it added), and says how many match in a live region,
in the plural form the page's language gives that number (`Intl.PluralRules`). Two
hundred rows, not thousands, is what keeps a keystroke quick on a page of
5,000: laying out a table's rows again costs the browser far more than
matching them.
"""

from __future__ import annotations

from typing import Final

# The page's own rules, outside the scope: never in a fragment.
PAGE_STYLE: Final = "body { margin: 0; }"

STYLE: Final = """
.endorse-site { --ink: #1c2733; --muted: #4f5b69; --line: #d5dbe2; --accent: #12365c;
  --wash: #f3f5f8; --focus: #ffbf47; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif; }
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
.endorse-site .more button { min-height: 40px; padding: 6px 14px; font: inherit; color: #fff;
  background: var(--accent); border: 0; border-radius: 6px; cursor: pointer; }
.endorse-site .more button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px;
  box-shadow: 0 0 0 5px var(--ink); }
.endorse-site .more[hidden], .endorse-site .empty[hidden] { display: none; }
.endorse-site table.signatories { width: 100%; border-collapse: collapse; font-size: 15px; }
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
  .endorse-site .shown, .endorse-site .more { display: none; }
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
  var LISTED = 200;
  var body = site.querySelector("table.signatories tbody");
  var shownLine = site.querySelector(".shown");
  var empty = site.querySelector(".empty");
  var more = site.querySelector(".more");
  var moreButton = more.querySelector("button");
  var language = site.closest("[lang]").getAttribute("lang");
  var numbers = new Intl.NumberFormat(language);
  var collator = new Intl.Collator(language, {sensitivity: "base", numeric: true});
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var plurals = new Intl.PluralRules(language);
  var items = Array.prototype.map.call(body.rows, function (row, index) {
    var words = [0, 1, 2].map(function (cell) { return row.cells[cell].textContent; });
    var key = fold(words.join(" ")) + " " + row.getAttribute("data-search");
    return {row: row, index: index, key: key};
  });
  var ordered = items.slice();
  var matching = [];
  var all = false;
  function value(name) { return form.elements[name].value; }
  function filled(template, count) { return template.replace("{count}", numbers.format(count)); }
  function render() {
    var listed = all ? matching : matching.slice(0, LISTED);
    body.replaceChildren.apply(body, listed.map(function (item) { return item.row; }));
    more.hidden = listed.length === matching.length;
    var note = more.querySelector(".listed");
    note.textContent = filled(more.getAttribute("data-listed"), listed.length);
    moreButton.textContent = filled(moreButton.getAttribute("data-template"), matching.length);
  }
  function apply() {
    var words = fold(value("q")).split(/\s+/).filter(Boolean);
    var wanted = {
      "data-region": value("region"), "data-country": value("country"),
      "data-member": value("member"), "data-status": value("status")
    };
    var names = Object.keys(wanted).filter(function (name) { return wanted[name]; });
    matching = ordered.filter(function (item) {
      for (var n = 0; n < names.length; n++) {
        if (item.row.getAttribute(names[n]) !== wanted[names[n]]) { return false; }
      }
      for (var w = 0; w < words.length; w++) {
        if (item.key.indexOf(words[w]) === -1) { return false; }
      }
      return true;
    });
    render();
    var plural = plurals.select(matching.length) === "one" ? "data-one" : "data-other";
    shownLine.textContent = shownLine.getAttribute(plural)
      .replace("{shown}", numbers.format(matching.length))
      .replace("{total}", numbers.format(items.length));
    empty.hidden = matching.length > 0;
  }
  function by(key) {
    return function (first, second) {
      var order = 0;
      if (key === "date") {
        order = second.row.getAttribute("data-date")
          .localeCompare(first.row.getAttribute("data-date"));
      } else if (key === "country") {
        order = collator.compare(first.row.getAttribute("data-country-name"),
                                 second.row.getAttribute("data-country-name"));
      }
      return order || first.index - second.index;
    };
  }
  form.addEventListener("input", function (event) {
    if (event.target.name === "sort") {
      ordered = items.slice().sort(by(value("sort")));
    } else {
      all = false;
    }
    apply();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  moreButton.addEventListener("click", function () {
    all = true;
    render();
    var next = matching[LISTED].row;
    next.setAttribute("tabindex", "-1");
    next.focus();
  });
  form.hidden = false;
  apply();
})();
"""
