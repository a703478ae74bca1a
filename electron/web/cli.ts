// `npm run web -- --port N --data-dir DIR [--keychain-service NAME]`: browser mode.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/app';
import { startWebServer } from './server';
import { defaultDataDir } from './data-dir';
import { explainStartupError } from './startup-error';
import type { StreamTimeouts } from '../core/stream/runner';

interface Args {
  port: number;
  dataDir: string;
  keychainService: string;
  timeouts: Partial<StreamTimeouts>;
}

/** Stream timeouts from the environment (tests shorten them; the defaults suit real providers). */
function timeoutsFromEnv(env: NodeJS.ProcessEnv): Partial<StreamTimeouts> {
  const out: Partial<StreamTimeouts> = {};
  const read = (name: string, key: 'connectMs' | 'idleMs' | 'backoffMs') => {
    const raw = env[name];
    if (raw === undefined || raw === '') return;
    const ms = Number(raw);
    if (!Number.isInteger(ms) || ms < 1 || ms > 3_600_000) throw new Error(`${name} must be a number of milliseconds (1–3600000), got ${raw}`);
    out[key] = ms;
  };
  read('PARLEY_CONNECT_TIMEOUT_MS', 'connectMs');
  read('PARLEY_IDLE_TIMEOUT_MS', 'idleMs');
  read('PARLEY_RETRY_BACKOFF_MS', 'backoffMs');
  return out;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  const port = Number(get('port') ?? process.env.PARLEY_PORT ?? 5178);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number (0–65535), got ${get('port')}`);
  return {
    port,
    dataDir: path.resolve(get('data-dir') ?? process.env.PARLEY_DATA_DIR ?? defaultDataDir()),
    keychainService: get('keychain-service') ?? process.env.PARLEY_KEYCHAIN_SERVICE ?? 'Parley',
    timeouts: timeoutsFromEnv(process.env),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, '../renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error(`The renderer is not built (${staticDir}); run npm run build.`);
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const version = JSON.parse(fs.readFileSync(path.resolve(here, '../../package.json'), 'utf8')).version as string;
  const core = await createCore({ dataDir: args.dataDir, keychainService: args.keychainService, mode: 'web', appVersion: version, log, timeouts: args.timeouts }).catch((err: unknown) => {
    throw new Error(explainStartupError(err, args.dataDir));
  });
  const server = await startWebServer({ core, staticDir, port: args.port, log });
  process.stdout.write(`${server.url}\n`);
  log(`Parley browser mode: data in ${args.dataDir}, keys in the OS keychain under "${args.keychainService}". Ctrl+C to quit.`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err) => {
  process.stderr.write(`Parley could not start: ${(err as Error).message}\n`);
  process.exit(1);
});
