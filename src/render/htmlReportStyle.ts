/**
 * The report file's only stylesheet (inline): the page's colours in light and dark, system fonts (no font
 * is loaded), and print rules (no navigation, tables at full length, cards and charts kept whole on a page).
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --text: #1d2330; --muted: #5b6474; --bg: #f7f8fa; --surface: #ffffff; --border: #dde1e8; --border-strong: #a9b1bf;
  --accent: #3465a4; --good: #00795a; --warning: #8a5300; --flagged: #b84a00;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--text); background: var(--bg);
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6e9ef; --muted: #a3abb9; --bg: #15181e; --surface: #1d2129; --border: #323845; --border-strong: #566072;
    --accent: #7aa7e0; --good: #3cc59a; --warning: #f0b840; --flagged: #ff8a4c;
  }
}
body { margin: 0; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.3rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--border); }
h3 { font-size: 1.05rem; margin: 1.3rem 0 0.4rem; }
h4 { font-size: 0.95rem; margin: 1rem 0 0.3rem; }
p { margin: 0.4rem 0; }
.muted, .meta { color: var(--muted); }
.note { border-left: 4px solid #E69F00; padding: 0.3rem 0.8rem; }
.meta { font-size: 0.85rem; }
code, .mono { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
nav.contents { margin: 0.8rem 0; font-size: 0.9rem; }
nav.contents a { color: var(--accent); margin-right: 0.9rem; }
.verdict { border: 1px solid var(--border); border-left: 6px solid var(--border-strong); border-radius: 8px; background: var(--surface); padding: 0.6rem 1rem; margin: 1rem 0; }
.exclusion { border: 1px solid var(--border); border-left: 6px solid var(--warning); border-radius: 8px; background: var(--surface); padding: 0.5rem 1rem; margin: 1rem 0 0; }
.verdict.status-good { border-left-color: var(--good); }
.verdict.status-warning { border-left-color: var(--warning); }
.verdict.status-flagged { border-left-color: var(--flagged); }
.verdict .big { font-size: 1.15rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 0.6rem; margin: 0.8rem 0; }
.fact { border: 1px solid var(--border); border-radius: 8px; background: var(--surface); padding: 0.45rem 0.7rem; break-inside: avoid; }
.fact.status-good { border-left: 4px solid var(--good); }
.fact.status-warning { border-left: 4px solid var(--warning); }
.fact.status-flagged { border-left: 4px solid var(--flagged); }
.fact dt { font-size: 0.8rem; color: var(--muted); }
.fact dd { margin: 0; }
.fact .value { display: block; font-size: 1.15rem; font-weight: 650; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.fact .reading { display: block; font-size: 0.8rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 0.82rem; margin: 0.4rem 0 0.8rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { text-align: left; padding: 0.2rem 0.45rem; border-bottom: 1px solid var(--border); vertical-align: top; }
thead th { background: var(--surface); position: sticky; top: 0; }
tbody th { font-weight: 500; overflow-wrap: anywhere; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.good { color: var(--good); }
.warning { color: var(--warning); }
.flagged { color: var(--flagged); }
.scroll { max-height: 30rem; overflow: auto; border: 1px solid var(--border); border-radius: 6px; margin: 0.4rem 0 0.8rem; }
.scroll table { margin: 0; }
.wide { overflow-x: auto; }
.wide table { margin: 0.4rem 0 0.8rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem 1.5rem; align-items: start; margin: 0.8rem 0; }
figure.chart { margin: 0; min-width: 0; break-inside: avoid; }
figure.chart.wide { grid-column: 1 / -1; }
figure.chart figcaption { font-weight: 600; margin-bottom: 0.3rem; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figure { margin: 0; }
.judge { border-top: 1px solid var(--border); margin-top: 1rem; }
h2 + .judge { border-top: none; margin-top: 0; }
.notes dt { font-weight: 650; margin-top: 0.8rem; }
.notes dd { margin: 0.2rem 0 0; }
.notes .sources { font-size: 0.85rem; color: var(--muted); }
footer { margin-top: 2.5rem; padding-bottom: 2rem; font-size: 0.85rem; color: var(--muted); border-top: 1px solid var(--border); padding-top: 0.6rem; }
@media print {
  :root { color-scheme: light; --text: #000; --muted: #444; --bg: #fff; --surface: #fff; --border: #ccc; --border-strong: #888; --accent: #1d4f91; --good: #00684d; --warning: #7a4a00; --flagged: #a33f00; font-size: 11px; }
  @page { margin: 14mm 12mm; }
  header, main, footer { max-width: none; padding: 0; }
  nav.contents { display: none; }
  .scroll { max-height: none; overflow: visible; border: none; }
  .wide { overflow: visible; }
  thead th { position: static; }
  thead { display: table-header-group; }
  tr, .fact, .verdict, figure.chart, .notes div { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  h2 { break-before: auto; }
  .charts { display: block; }
  figure.chart { margin-bottom: 0.8rem; }
}
`;
