// `npm test`: lint, types, unit tests (real SQLite, real keychain), build, end-to-end
// in Chromium against browser mode and the provider emulator. Stops at the first failure.
//
// The keychain tests need a Secret Service. On Linux without a session bus (CI, SSH),
// the run re-executes itself inside `dbus-run-session` with a throwaway, unlocked
// gnome-keyring, so a developer's own keyring is never touched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.PARLEY_TEST_IN_DBUS) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-keyring-'));
  const inner = `echo -n parley-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec node ${JSON.stringify(process.argv[1])} ${process.argv.slice(2).map((a) => JSON.stringify(a)).join(' ')}`;
  const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: { ...process.env, PARLEY_TEST_IN_DBUS: '1', XDG_DATA_HOME: home, XDG_RUNTIME_DIR: home },
  });
  fs.rmSync(home, { recursive: true, force: true });
  if (r.error) {
    console.error(`Could not start a D-Bus session for the keychain tests (${r.error.message}). Install dbus and gnome-keyring.`);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

const steps = [
  ['lint', ['npx', 'eslint', '.', '--max-warnings=0']],
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['security (electronegativity)', ['node', 'scripts/electronegativity.mjs']],
  ['unit tests', ['npx', 'vitest', 'run']],
  ['build', ['node', 'scripts/build.mjs']],
  ['end-to-end tests', ['npx', 'playwright', 'test']],
  // Keeps the benchmark working; its targets are reported, not asserted (only a crash fails).
  ['benchmark (small)', ['node', 'scripts/bench/run.mjs', '--small']],
];

const only = process.argv[2];
for (const [name, [cmd, ...args]] of steps) {
  if (only && !name.startsWith(only)) continue;
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stdout.write(`\n✗ ${name} failed\n`);
    process.exit(r.status ?? 1);
  }
}
process.stdout.write('\n✓ all checks passed\n');
