// `npm start [-- args]`: build if needed, then launch the desktop app. Without an Electron
// binary (e.g. a headless CI box), fall back to browser mode with the same arguments.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * The Electron binary's path, or null when it is not installed. electron@45's index.js
 * *downloads* the binary on require when it is missing (noisy, and slow offline), so
 * look for its path.txt marker first and only then ask the package.
 */
function electronBinary() {
  const require = createRequire(import.meta.url);
  try {
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    if (!existsSync(path.join(pkgDir, 'path.txt')) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
    const bin = require('electron');
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function run(command, argv, env = process.env) {
  const child = spawn(command, argv, { stdio: 'inherit', cwd: root, env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (!electron) {
  console.log('start: the Electron desktop binary is not installed; starting browser mode instead (npm run web).');
  run(process.execPath, [path.join(root, 'scripts/web.mjs'), ...args]);
} else {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-needed'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // A stray ELECTRON_RUN_AS_NODE would make the binary behave as plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, [root, ...args], env);
}
