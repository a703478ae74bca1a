// `npm run build [-- --if-needed]`: the renderer with Vite, the main process, preload,
// browser-mode CLI and provider emulator with esbuild. --if-needed skips all of it when
// every output is newer than every source and config file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // vite.config.ts resolves `root: 'renderer'` against the cwd.
const ifNeeded = process.argv.includes('--if-needed');
// PARLEY_DIST (a folder inside the repo, e.g. dist-mine) lets parallel builds and test runs
// keep out of each other's way; the bundles find package.json and node_modules from there.
const OUT = process.env.PARLEY_DIST || 'dist';
if (path.isAbsolute(OUT) || OUT.includes('..')) throw new Error('PARLEY_DIST must be a folder name inside the repository');

const SOURCE_DIRS = ['renderer', 'shared', 'electron', 'e2e/emulator'];
const CONFIG_FILES = ['package.json', 'vite.config.ts', 'tsconfig.base.json', 'tsconfig.json', 'tsconfig.node.json', 'tsconfig.web.json', 'scripts/build.mjs'];

// Optional Node deps of `ws`, loaded in try/catch; never bundle or require-resolve them.
const WS_OPTIONAL = ['bufferutil', 'utf-8-validate'];
// Loaded on first use from node_modules, so starting the app never parses its 4 MB of BPE ranks.
const LAZY = ['gpt-tokenizer'];
const node = { platform: 'node', target: 'node22' };
const bundles = [
  {
    entry: 'electron/main.ts', outfile: `${OUT}/main/main.cjs`, required: true,
    options: {
      ...node, format: 'cjs', external: ['electron', 'keytar', ...LAZY],
      // Core code uses createRequire(import.meta.url), which CJS lacks: provide it.
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    },
  },
  // The preload runs sandboxed: a browser-like context whose require() knows only 'electron' and a few others.
  // Its only runtime need from the contract is the name allowlist, injected at build time
  // (contractNames below) so zod and the schemas stay out of it.
  { entry: 'electron/preload.ts', outfile: `${OUT}/main/preload.cjs`, required: true, options: { platform: 'browser', target: 'es2022', format: 'cjs', external: ['electron'], minify: true }, contractNamesOnly: true },
  { entry: 'electron/web/cli.ts', outfile: `${OUT}/web/cli.mjs`, required: true, options: esm(['keytar', ...WS_OPTIONAL, ...LAZY]) },
  { entry: 'e2e/emulator/cli.ts', outfile: `${OUT}/emulator/cli.mjs`, required: false, options: esm(WS_OPTIONAL) },
].filter((b) => {
  if (existsSync(b.entry)) return true;
  if (b.required) console.warn(`build: ${b.entry} does not exist yet; skipping it`);
  return false;
});
const hasRenderer = existsSync('renderer/index.html');
if (!hasRenderer) console.warn('build: renderer/index.html does not exist yet; skipping the renderer');

function esm(external) {
  return {
    ...node, format: 'esm', external,
    // Bundled CommonJS dependencies call require(); ESM output has none unless we make one.
    banner: { js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);" },
  };
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

function upToDate() {
  const outputs = [...bundles.map((b) => b.outfile), ...(hasRenderer ? [`${OUT}/renderer/index.html`] : [])];
  if (outputs.some((o) => !existsSync(o))) return false;
  const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  const newestSource = Math.max(...[...SOURCE_DIRS, ...CONFIG_FILES].map(newestMtime));
  return oldestOutput > newestSource;
}

const kb = (file) => `${Math.round(statSync(file).size / 1024)} kB`;
const secs = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)}s`;

async function main() {
  if (ifNeeded && upToDate()) {
    console.log('build: up to date');
    return;
  }
  if (hasRenderer) {
    const t0 = performance.now();
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: path.join(root, OUT, 'renderer') } });
    console.log(`build: renderer → ${OUT}/renderer (${secs(t0)})`);
  }
  for (const b of bundles) {
    const t0 = performance.now();
    const plugins = b.contractNamesOnly ? [await contractNames()] : [];
    await esbuild.build({ entryPoints: [b.entry], outfile: b.outfile, bundle: true, sourcemap: false, charset: 'utf8', logLevel: 'warning', plugins, ...b.options });
    console.log(`build: ${b.entry} → ${b.outfile} (${kb(b.outfile)}, ${secs(t0)})`);
  }
}

/** An esbuild plugin replacing shared/api with just CALL_NAMES and EVENT_NAMES, read from the real contract. */
async function contractNames() {
  const out = await esbuild.build({ entryPoints: ['shared/api.ts'], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  const { CALL_NAMES, EVENT_NAMES } = await import(url);
  const contents = `export const CALL_NAMES = ${JSON.stringify(CALL_NAMES)}; export const EVENT_NAMES = ${JSON.stringify(EVENT_NAMES)};`;
  return {
    name: 'contract-names',
    setup(build) {
      build.onResolve({ filter: /\/shared\/api$/ }, (args) => ({ path: args.path, namespace: 'contract-names' }));
      build.onLoad({ filter: /.*/, namespace: 'contract-names' }, () => ({ contents, loader: 'js' }));
    },
  };
}

main().catch((err) => {
  // esbuild already printed its errors (plain objects in err.errors); Vite's (Rolldown's) are Error objects.
  const details = Array.isArray(err?.errors) ? err.errors.filter((e) => e instanceof Error).slice(0, 10).map((e) => e.message) : [];
  console.error(['build failed:', String(err instanceof Error ? err.message : err).split('\n')[0], ...details].join('\n'));
  process.exit(1);
});
