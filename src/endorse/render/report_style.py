"""The stylesheet of the HTML report: inline, system fonts only, and a print layout."""

from __future__ import annotations

from typing import Final

MEMBER_COLOUR: Final = "#1f5f99"
NONMEMBER_COLOUR: Final = "#e07b24"
TIMELINE_COLOUR: Final = "#2e8b7a"

STYLESHEET: Final = f"""
:root {{
  --ink: #1c2733; --muted: #5b6877; --line: #dfe4ea; --paper: #ffffff; --wash: #f3f5f8;
  --member: {MEMBER_COLOUR}; --nonmember: {NONMEMBER_COLOUR}; --accent: #12365c;
}}
* {{ box-sizing: border-box; }}
html {{ background: var(--wash); }}
body {{
  margin: 0; color: var(--ink); line-height: 1.5;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif;
}}
main {{ max-width: 960px; margin: 0 auto; padding: 0 24px 48px; background: var(--paper); }}
header.masthead {{
  margin: 0 -24px 28px; padding: 36px 24px 28px; color: #fff;
  background: linear-gradient(135deg, var(--accent), #1f5f99);
}}
.eyebrow {{
  margin: 0 0 8px; font-size: 13px; letter-spacing: .08em; text-transform: uppercase;
  opacity: .85;
}}
h1 {{ margin: 0 0 18px; font-size: 28px; line-height: 1.25; font-weight: 650; }}
h2 {{
  margin: 40px 0 12px; padding-bottom: 6px; font-size: 20px; color: var(--accent);
  border-bottom: 2px solid var(--line);
}}
h3 {{ margin: 18px 0 6px; font-size: 16px; }}
dl.facts {{ display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }}
dl.facts dt {{ font-weight: 600; opacity: .85; }}
dl.facts dd {{ margin: 0; }}
.kpis {{ display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; }}
.kpi {{
  padding: 14px 16px; border: 1px solid var(--line); border-radius: 10px; background: var(--wash);
}}
.kpi .value {{
  display: block; font-size: 28px; font-weight: 700; color: var(--accent); white-space: nowrap;
  font-variant-numeric: tabular-nums; line-height: 1.2;
}}
.kpi .label {{ display: block; font-weight: 600; }}
.kpi .detail {{ display: block; font-size: 13px; color: var(--muted); }}
.progress {{ height: 8px; margin-top: 8px; border-radius: 4px; background: var(--line); }}
.progress span {{ display: block; height: 100%; border-radius: 4px; background: var(--member); }}
.gap {{
  margin: 18px 0 0; padding: 12px 16px; border-left: 4px solid var(--nonmember);
  background: #fdf3ea; font-weight: 600;
}}
.note {{ color: var(--muted); font-size: 14px; }}
.legend {{ display: flex; gap: 18px; margin: 4px 0 8px; font-size: 14px; color: var(--muted); }}
.swatch {{
  display: inline-block; width: 12px; height: 12px; margin-right: 6px; border-radius: 2px;
  vertical-align: -1px;
}}
.swatch.member {{ background: var(--member); }}
.swatch.nonmember {{ background: var(--nonmember); }}
svg.chart {{ display: block; width: 100%; height: auto; }}
svg.chart text {{ font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }}
svg.chart .label {{ fill: var(--ink); }}
svg.chart .value {{ fill: var(--muted); font-variant-numeric: tabular-nums; }}
svg.chart .axis {{ stroke: var(--line); }}
table {{ width: 100%; border-collapse: collapse; font-size: 15px; }}
th, td {{ padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; }}
th {{ font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }}
td.number, th.number {{ text-align: right; font-variant-numeric: tabular-nums; }}
.pending {{ color: var(--muted); font-style: italic; }}
.where {{ color: var(--muted); }}
details {{ margin-top: 14px; }}
summary {{ cursor: pointer; color: var(--accent); font-weight: 600; }}
.tag {{
  display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; font-style: normal;
  background: var(--wash); border: 1px solid var(--line); color: var(--muted);
}}
ul.names {{ columns: 3 14em; margin: 0; padding-left: 18px; }}
ul.names li {{ break-inside: avoid; }}
.population {{ font-size: 20px; font-weight: 600; margin: 0 0 6px; }}
footer {{
  margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 13px;
  color: var(--muted);
}}
@media (max-width: 720px) {{ .kpis {{ grid-template-columns: repeat(2, 1fr); }} }}
@media print {{
  @page {{ size: A4; margin: 14mm; }}
  html, main {{ background: #fff; }}
  body {{ font-size: 11pt; }}
  main {{ max-width: none; padding: 0; }}
  header.masthead {{ margin: 0 0 16px; padding: 0 0 12px; color: var(--ink); background: none;
    border-bottom: 3px solid var(--accent); }}
  h2 {{ break-after: avoid; margin-top: 24px; }}
  .kpi, figure, tr, .region {{ break-inside: avoid; }}
  .kpis {{ grid-template-columns: repeat(4, 1fr); }}
  .kpi .value {{ font-size: 20pt; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
}}
"""
