// A reply that is one long run of text without whitespace (a base64 blob, a minified
// line) and without provider-reported usage, so the app estimates its tokens itself.
// The main process must not stall on it: in Electron a blocked main process freezes
// every window. The core runs in a child so a stall fails this test instead of hanging it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCoreRunner } from './build-runner';

let tmp: string;
let runner: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-longrun-'));
  runner = path.join(tmp, 'core-runner.mjs');
  await buildCoreRunner(runner);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('settles a 500 KB reply without whitespace or usage within seconds', async () => {
  const dataDir = path.join(tmp, 'data');
  const child = spawn(process.execPath, [runner, dataDir, '500000', 'run'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = Date.now();
  const done = await new Promise<{ status: string; length: number } | null>((resolve) => {
    let buffer = '';
    const timer = setTimeout(() => resolve(null), 15_000);
    child.stdout.on('data', (d) => {
      buffer += d;
      for (const line of buffer.split('\n').slice(0, -1)) {
        const r = JSON.parse(line) as { type: string; status: string; length: number };
        if (r.type === 'done') {
          clearTimeout(timer);
          resolve(r);
        }
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
  });
  child.kill('SIGKILL');
  expect(done, `no chat.done after ${Date.now() - started} ms: the core is stuck (token estimate of a long unbroken run?)`).not.toBeNull();
  // The provider streams whole 16 KB pieces until it has sent at least the asked size.
  expect(done).toMatchObject({ status: 'complete', length: Math.ceil(500_000 / (16 * 1024)) * 16 * 1024 });
}, 30_000);
