// Standalone emulator: bundle with esbuild, then `node emu.mjs [--port N] [--tps N]`.
// Prints one line `EMULATOR {json info}` on stdout once listening; stops on SIGINT/SIGTERM.
import { startEmulator } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const emu = await startEmulator({ port: Number(arg('port') ?? 0), tokensPerSecond: Number(arg('tps') ?? 0) });
process.stdout.write(`EMULATOR ${JSON.stringify(emu.info())}\n`);
const stop = () => void emu.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
