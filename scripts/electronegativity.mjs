// `npm run security`: Doyensec's electronegativity over the Electron glue (electron/main.ts,
// electron/main/**, electron/preload.ts). Zero findings or the run fails. Exceptions are
// inline `// eng-disable CHECK_ID` comments next to the reviewed code; the few checks that
// cannot see our code are listed in electronegativity.config.json with the reason, and
// where possible replaced here by the same test on the real value (the CSP). Keys of
// excludedChecks are the checks' class names (CSPGlobalCheck), as the tool expects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity.config.json'), 'utf8'));

// Scan a copy holding only the glue (no tests, no core), plus package.json for the Electron version.
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-eneg-'));
const sources = [];
const collect = (rel) => {
  const abs = path.join(root, rel);
  if (fs.statSync(abs).isDirectory()) return fs.readdirSync(abs).forEach((f) => collect(path.join(rel, f)));
  if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(rel) && !/\.test\.ts$/.test(rel)) sources.push(rel);
};
config.include.forEach(collect);
for (const rel of sources) {
  fs.mkdirSync(path.join(scanDir, path.dirname(rel)), { recursive: true });
  fs.copyFileSync(path.join(root, rel), path.join(scanDir, rel));
}
fs.copyFileSync(path.join(root, 'package.json'), path.join(scanDir, 'package.json'));

const failures = [];
try {
  // The tool prints "could not fetch translations/releases" when offline; that is harmless.
  const run = require('@doyensec/electronegativity');
  const electronVersion = require('electron/package.json').version;
  const result = await run({
    input: scanDir,
    isRelative: true,
    excludeFromScan: Object.keys(config.excludedChecks),
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  for (const e of result.errors ?? []) failures.push(`could not parse ${e.file}: ${e.message ?? e.error ?? ''}`);
  for (const i of result.issues) failures.push(`${i.id} ${i.file}:${i.location.line}:${i.location.column} ${i.description}`);
  console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.atomicChecks} atomic + ${result.globalChecks} global checks over ${sources.length} files (Electron ${electronVersion})`);
} finally {
  fs.rmSync(scanDir, { recursive: true, force: true });
}

// CSP_GLOBAL_CHECK is excluded because our CSP is a header built from a constant, which the
// static check cannot follow. Run the same evaluator on the real policies instead.
const csp = require('@doyensec/csp-evaluator');
const bundle = await build({
  stdin: {
    contents: `export { CONTENT_SECURITY_POLICY } from './electron/main/protocol-policy';\nexport { contentSecurityPolicy } from './electron/web/access-policy';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
const modFile = path.join(os.tmpdir(), `parley-csp-${process.pid}.mjs`);
fs.writeFileSync(modFile, bundle.outputFiles[0].text);
const { CONTENT_SECURITY_POLICY, contentSecurityPolicy } = await import(modFile);
fs.rmSync(modFile);
const bad = new Set([csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.HIGH_MAYBE, csp.severities.MEDIUM_MAYBE]);
for (const [where, policy] of [['app:// (Electron)', CONTENT_SECURITY_POLICY], ['browser mode', contentSecurityPolicy(5178)]]) {
  const findings = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  for (const f of findings) {
    if (!bad.has(f.severity)) continue;
    const allowed = config.cspAccepted?.[`${f.directive} ${f.value ?? ''}`.trim()];
    if (!allowed) failures.push(`CSP ${where}: ${f.directive} ${f.value ?? ''}: ${f.description}`);
  }
}

if (failures.length) {
  console.error(`\n✗ ${failures.length} security finding(s):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('✓ no findings (exceptions are justified inline with eng-disable, or in scripts/electronegativity.config.json)');
