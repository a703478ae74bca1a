// `npm test`: lint, types, unit tests (real SQLite, real keychain), build, end-to-end
// in Chromium against browser mode and the provider emulator. Stops at the first failure.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', ['npx', 'eslint', '.', '--max-warnings=0']],
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['unit tests', ['npx', 'vitest', 'run']],
  ['build', ['node', 'scripts/build.mjs']],
  ['end-to-end tests', ['npx', 'playwright', 'test']],
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
