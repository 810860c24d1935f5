import type { Report } from '../../report/report';

/** The report's file name: `prefscope-report-<first file without its extensions>`. */
export function reportStem(report: Report): string {
  const name = (report.input.files[0]?.name ?? 'data').replace(/(\.(gz|csv|tsv|jsonl?|ndjson|parquet|txt))+$/i, '');
  return `prefscope-report-${name.replace(/[^\w.-]+/g, '-')}`;
}

/**
 * The report as one self-contained HTML file with its charts as inline SVG. The charts are drawn here (they
 * need the DOM), one per task so the page stays responsive; `onChart` tells which.
 */
export async function reportHtml(report: Report, onChart: (done: number, total: number) => void): Promise<string> {
  const [{ reportCharts }, { chartSvg }, { htmlReport }] = await Promise.all([
    import('../../charts/reportCharts'),
    import('../../render/chartSvgs'),
    import('../../render/htmlReport'),
  ]);
  const charts = reportCharts(report);
  const svgs = [];
  for (const [i, chart] of charts.entries()) {
    onChart(i, charts.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
    svgs.push(chartSvg(chart, document));
  }
  return htmlReport(report, svgs, { generatedAt: new Date() });
}
