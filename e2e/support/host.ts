// Starts the real app core in browser mode (dist/web/cli.mjs) as its own process, the
// way a user runs `npm run web`, on a throwaway data folder and keychain service.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Host {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  logs: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

// PARLEY_DIST: the build folder to test (see scripts/build.mjs).
const CLI = path.resolve(import.meta.dirname, '../..', process.env.PARLEY_DIST || 'dist', 'web/cli.mjs');

export async function startHost(opts: { dataDir: string; keychainService: string; env?: Record<string, string> }): Promise<Host> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data-dir', opts.dataDir, '--keychain-service', opts.keychainService], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  const logs: string[] = [];
  child.stderr!.on('data', (d) => logs.push(String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${logs.join('')}`)), 15_000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}): ${logs.join('')}`));
    });
  });
  const u = new URL(url);
  return {
    url,
    origin: u.origin,
    token: u.searchParams.get('token')!,
    process: child,
    logs,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
