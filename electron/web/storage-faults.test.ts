// A data folder the app cannot write, and a disk that fills up mid-reply: the user is told,
// nothing is hidden. The real core runs in a child process (electron/core/faults/core-runner.ts)
// so it can be given another user's permissions (when the tests run as root, which ignores
// file modes) or a file-size limit (the kernel's stand-in for a full disk).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainStartupError } from './startup-error';
import { buildCoreRunner } from '../core/faults/build-runner';

type Report =
  | { type: 'started' }
  | { type: 'startup-failed'; message: string }
  | { type: 'alert'; payload: { level: string; message: string } }
  | { type: 'done'; status: string; length: number; error: { message: string } | null }
  | { type: 'after'; ok: boolean; storedLength: number | null }
  | { type: 'result'; name: string; result: { ok: boolean } }
  | { type: 'crash'; message: string };

const asRoot = process.getuid?.() === 0;
// Root ignores file modes, so the child runs as "nobody" to feel them.
const OTHER = { uid: 65534, gid: 65534 };
let tmp: string;
let runner: string;
/** The Node binary the child runs: as root, a copy "nobody" can reach (the repo may sit in a 0700 folder). */
let nodeBin = process.execPath;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-storage-'));
  fs.chmodSync(tmp, 0o755);
  runner = path.join(tmp, 'core-runner.mjs');
  if (asRoot) {
    nodeBin = path.join(tmp, 'node');
    fs.copyFileSync(process.execPath, nodeBin);
    fs.chmodSync(nodeBin, 0o755);
  }
  await buildCoreRunner(runner);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A folder the child's user owns. */
function folder(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  if (asRoot) fs.chownSync(dir, OTHER.uid, OTHER.gid);
  return dir;
}

/** Runs the core until `until` is satisfied by the reports (or the child exits), then stops it. */
function runCore(dataDir: string, opts: { bytes?: number; fileSizeKb?: number; until: (r: Report[]) => boolean; timeoutMs?: number }): Promise<{ reports: Report[]; code: number | null; stderr: string }> {
  const args = [runner, dataDir, String(opts.bytes ?? 1000)];
  const [cmd, argv] = opts.fileSizeKb
    ? ['sh', ['-c', `ulimit -f ${opts.fileSizeKb} && exec "$0" "$@"`, nodeBin, ...args]]
    : [nodeBin, args];
  const child = spawn(cmd as string, argv as string[], { stdio: ['ignore', 'pipe', 'pipe'], ...(asRoot ? OTHER : {}) });
  const reports: Report[] = [];
  let stderr = '';
  let buffer = '';
  return new Promise((resolve) => {
    const finish = (code: number | null) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve({ reports, code, stderr });
    };
    const timer = setTimeout(() => finish(null), opts.timeoutMs ?? 15_000);
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      buffer += d;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) reports.push(JSON.parse(l) as Report);
      if (opts.until(reports)) finish(0);
    });
    child.on('exit', (code) => finish(code));
  });
}

const has = (type: Report['type']) => (rs: Report[]) => rs.some((r) => r.type === type);

describe('storage faults are reported', () => {
  it('a read-only data folder: startup fails with a message that names the folder and the fix', async () => {
    const dir = folder('read-only-folder');
    fs.chmodSync(dir, 0o555);
    const run = await runCore(dir, { until: has('started') });
    const failed = run.reports.find((r) => r.type === 'startup-failed');
    expect(failed, run.stderr).toBeDefined();
    expect(run.code).toBe(3);
    const shown = explainStartupError(new Error((failed as { message: string }).message), dir);
    expect(shown).toContain(dir);
    expect(shown).toMatch(/cannot write to its data folder/);
  });

  it('a read-only database file: startup fails with a clear message', async () => {
    const dir = folder('read-only-file');
    const first = await runCore(dir, { until: has('after') });
    expect(first.reports.find((r) => r.type === 'done')).toMatchObject({ status: 'complete' });
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o444);
    fs.chmodSync(dir, 0o555);
    const run = await runCore(dir, { until: has('started') });
    const failed = run.reports.find((r) => r.type === 'startup-failed') as { message: string } | undefined;
    expect(failed, JSON.stringify(run.reports)).toBeDefined();
    expect(explainStartupError(new Error(failed!.message), dir)).toMatch(/cannot write to its data folder/);
  });

  it('the disk fills up mid-reply: an alert tells the user, the reply still finishes, the app keeps answering', async () => {
    const dir = folder('full-disk');
    // 3 MB of file size allowed; the reply is 6 MB, so saving it overflows the WAL.
    const run = await runCore(dir, { bytes: 6_000_000, fileSizeKb: 3000, until: has('after'), timeoutMs: 30_000 });
    const alert = run.reports.find((r) => r.type === 'alert') as { payload: { level: string; message: string } } | undefined;
    expect(alert, `${JSON.stringify(run.reports).slice(0, 2000)} ${run.stderr}`).toBeDefined();
    expect(alert!.payload.level).toBe('error');
    expect(alert!.payload.message).toMatch(/^Could not save to the history database/);
    expect(alert!.payload.message).toMatch(/kept in memory/);
    // The reply streamed to the end in memory and was announced as finished.
    const done = run.reports.find((r) => r.type === 'done') as { status: string; length: number } | undefined;
    expect(done).toBeDefined();
    expect(done!.length).toBeGreaterThanOrEqual(6_000_000);
    // And the core still answers calls afterwards (reads work; nothing crashed).
    expect(run.reports.find((r) => r.type === 'after')).toMatchObject({ ok: true });
    expect(run.reports.some((r) => r.type === 'crash')).toBe(false);
  });
});
