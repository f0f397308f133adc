// Prints an Artillery JSON report's 10-second windows as a Markdown table: per endpoint, the 2xx/s and the p50/p95/p99
// latency of each window, so that the phases of a run (before, during and after an overload) can be compared.
//   node phase-summary.mjs report.json
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const endpoints = ['login', 'me', 'refresh', 'logout'];
const windows = report.intermediate ?? [];
if (windows.length === 0) {
  console.error('phase-summary: the report has no intermediate windows');
  process.exit(2);
}

const start = Math.min(...windows.map((w) => Number(w.firstMetricAt ?? w.period)));
const rows = windows
  .map((w) => ({ w, at: Math.round((Number(w.firstMetricAt ?? w.period) - start) / 1000) }))
  .sort((a, b) => a.at - b.at);

const header = ['t (s)', ...endpoints.flatMap((e) => [`${e} 2xx/s`, `${e} p50/p95/p99 ms`]), 'other statuses', 'errors'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---:').join('|')}|`);
for (const { w, at } of rows) {
  const seconds = Math.max(1, (Number(w.lastMetricAt) - Number(w.firstMetricAt)) / 1000) || 10;
  const cells = [String(at)];
  for (const endpoint of endpoints) {
    const ok = Object.entries(w.counters ?? {})
      .filter(([name]) => name.startsWith(`plugins.metrics-by-endpoint.${endpoint}.codes.2`))
      .reduce((sum, [, count]) => sum + count, 0);
    const latency = w.summaries?.[`plugins.metrics-by-endpoint.response_time.${endpoint}`];
    cells.push((ok / seconds).toFixed(1));
    cells.push(latency ? `${latency.p50}/${latency.p95}/${latency.p99}` : '-');
  }
  const other = Object.entries(w.counters ?? {})
    .filter(([name]) => /^http\.codes\.(?!2)\d+$/.test(name))
    .map(([name, count]) => `${name.slice('http.codes.'.length)}×${count}`);
  const errors = Object.entries(w.counters ?? {})
    .filter(([name]) => name.startsWith('errors.'))
    .map(([name, count]) => `${name.slice('errors.'.length)}×${count}`);
  cells.push(other.join(' ') || '-', errors.join(' ') || '-');
  console.log(`| ${cells.join(' | ')} |`);
}
