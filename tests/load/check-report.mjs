#!/usr/bin/env node
// Reads an Artillery JSON report (artillery run --output FILE) and fails, saying why, when the API answered any 5xx
// other than 503 or 504 (the two ways it may shed load), when a request ended in a connection error (ECONNREFUSED,
// ECONNRESET, ETIMEDOUT, EPIPE, a socket timeout...) instead of a response, or when nothing was answered at all.
// Other statuses (401, 429...) and Artillery's own non-network errors are printed but do not fail the check.
//
//   node check-report.mjs REPORT.json        exit 0: clean; 1: a failure above; 2: the report cannot be read
import { readFileSync } from 'node:fs';

const SHED_STATUSES = new Set([503, 504]);
// Node's system error codes (ECONNRESET...) and its ERR_* network codes (ERR_SOCKET_TIMEOUT...), plus the few
// messages Node uses without a code.
const CONNECTION_ERROR = /^(E[A-Z0-9_]+|ERR_[A-Z0-9_]+|socket hang up|Client network socket disconnected.*|.*timeout.*)$/i;

function fail(message, code) {
  console.error(`check-report: ${message}`);
  process.exit(code);
}

const path = process.argv[2];
if (!path || process.argv.length > 3) {
  fail('usage: node check-report.mjs REPORT.json', 2);
}

let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (e) {
  fail(`cannot read ${path}: ${e.message}`, 2);
}

const counters = report?.aggregate?.counters;
if (!counters || typeof counters !== 'object') {
  fail(`${path} is not an Artillery JSON report (no aggregate.counters)`, 2);
}

// Per request name when the metrics-by-endpoint plugin named them: plugins.metrics-by-endpoint.<name>.codes.<status>
// and plugins.metrics-by-endpoint.<name>.errors.<code>.
const byEndpoint = {};
for (const [key, value] of Object.entries(counters)) {
  const m = /^plugins\.metrics-by-endpoint\.(.+)\.(codes|errors)\.(.+)$/.exec(key);
  if (m) {
    const [, name, kind, what] = m;
    byEndpoint[name] ??= { codes: {}, errors: {} };
    byEndpoint[name][kind][what] = value;
  }
}

const codes = {};
const errors = {};
for (const [key, value] of Object.entries(counters)) {
  let m = /^http\.codes\.(\d{3})$/.exec(key);
  if (m) codes[Number(m[1])] = value;
  m = /^errors\.(.+)$/.exec(key);
  if (m) errors[m[1]] = value;
}

const where = (kind, what) => {
  const names = Object.entries(byEndpoint)
    .filter(([, e]) => e[kind][what])
    .map(([name, e]) => `${name} ${e[kind][what]}`);
  return names.length ? ` (${names.join(', ')})` : '';
};

const problems = [];
const responses = Object.values(codes).reduce((a, b) => a + b, 0);
for (const [status, count] of Object.entries(codes)) {
  if (status >= 500 && !SHED_STATUSES.has(Number(status))) {
    problems.push(`${count} responses with status ${status}${where('codes', status)}`);
  }
}

for (const [error, count] of Object.entries(errors)) {
  if (CONNECTION_ERROR.test(error)) {
    problems.push(`${count} connection errors ${error}${where('errors', error)}`);
  }
}

if (responses === 0) {
  problems.push('no request was answered (is the API up, and the payload file filled?)');
}

const list = (o) => Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
console.log(`check-report: ${responses} responses; status codes: ${list(codes)}; errors: ${list(errors)}`);

if (problems.length > 0) {
  for (const p of problems) console.error(`check-report: FAIL: ${p}`);
  process.exit(1);
}
console.log('check-report: OK (no 5xx other than 503/504, no connection errors)');
