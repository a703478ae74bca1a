// `node scripts/bench/summarize.mjs bench-results/a.json bench-results/b.json …`: a Markdown table of
// several runs (median, min–max, how many runs met each target), for the README's Performance section.
import fs from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/bench/summarize.mjs <report.json>…');
  process.exit(1);
}
const reports = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const metrics = [];
for (const r of reports) for (const row of r.rows) if (!metrics.some((m) => m.metric === row.metric)) metrics.push({ metric: row.metric, unit: row.unit, target: row.target });

const fmt = (v, unit) => (v === null || v === undefined || Number.isNaN(v) ? '—' : `${Number(v).toLocaleString('en', { maximumFractionDigits: v < 10 ? 2 : 1 })}${unit ? ` ${unit}` : ''}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const lines = ['| Metric | Median | Range | Target | Met |', '|---|---:|---:|---:|:---:|'];
for (const m of metrics) {
  const rows = reports.map((r) => r.rows.find((x) => x.metric === m.metric)).filter(Boolean);
  const values = rows.map((x) => x.value).filter((v) => v !== null && !Number.isNaN(v));
  if (values.length === 0) continue;
  const met = rows.filter((x) => x.pass !== null);
  const ok = met.filter((x) => x.pass).length;
  const range = values.length > 1 ? `${fmt(Math.min(...values), '')}–${fmt(Math.max(...values), m.unit)}` : '';
  lines.push(`| ${m.metric.trim()} | ${fmt(median(values), m.unit)} | ${range} | ${m.target} | ${met.length ? `${ok}/${met.length}` : ''} |`);
}
const machines = [...new Set(reports.map((r) => `${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.memoryGB} GB, ${r.machine.chromium}, Node ${r.machine.node}`))];
console.log(`${lines.join('\n')}\n\n${reports.length} run(s) on ${machines.join('; ')}; load average at start: ${reports.map((r) => r.machine.loadavg[0]).join(', ')}.`);
