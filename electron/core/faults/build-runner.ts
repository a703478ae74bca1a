// Bundles core-runner.ts (the real core in a child process) for tests that need the core under
// conditions a test process cannot take on itself: another user's permissions, a file-size limit, a stall.
import path from 'node:path';
import { build } from 'esbuild';

export async function buildCoreRunner(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'core-runner.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: ['keytar'],
    logLevel: 'silent',
    banner: { js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);" },
  });
}
