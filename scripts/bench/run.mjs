// `npm run bench [-- --small] [-- --only=start,stream,open,search]`
// Builds the app into its own folder (PARLEY_DIST, default dist-bench) when sources changed,
// bundles the bench (TypeScript) with esbuild next to it, and runs it with this Node.
// Exit code: non-zero only when the bench could not run; missed targets are reported, not failed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.PARLEY_DIST || 'dist-bench';
const env = { ...process.env, PARLEY_DIST: dist };

// --no-build: measure what is in PARLEY_DIST as it is (e.g. an unminified build for profiling).
if (!process.argv.includes('--no-build')) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-needed'], { cwd: root, env, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const outdir = path.join(root, dist, 'bench');
await esbuild.build({
  entryPoints: { main: path.join(root, 'scripts/bench/main.ts'), bare: path.join(root, 'scripts/bench/bare.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  logLevel: 'warning',
  // Playwright and keytar stay in node_modules; ws's optional natives are never bundled.
  external: ['playwright-core', 'keytar', 'bufferutil', 'utf-8-validate', 'gpt-tokenizer'],
  banner: { js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);" },
});

const r = spawnSync(process.execPath, [path.join(outdir, 'main.mjs'), ...process.argv.slice(2).filter((a) => a !== '--no-build')], { cwd: root, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
