// Start: from spawning the host process to an interactive UI (the composer's textbox present
// and enabled, as the probe sees it after a rendered frame), in a browser already running;
// and the renderer JavaScript fetched before that moment, gzipped.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { startHost } from '../../e2e/support/host';
import { probeScript, readProbe, waitProbe } from './probe';

export interface StartResult {
  interactiveMs: number;
  /** Until the newest message of the conversation the app opens on is painted. */
  conversationPaintedMs: number | null;
  hostUrlMs: number;
  jsGzipBytes: number;
  js: { file: string; bytes: number; gzipBytes: number; loadedAt: number }[];
}

export async function measureStart(browser: Browser, hostOpts: Parameters<typeof startHost>[0], marker: string, rendererDir: string): Promise<StartResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript({ content: probeScript(marker) });
  const t0 = performance.timeOrigin + performance.now();
  const host = await startHost(hostOpts);
  const hostUrlMs = performance.timeOrigin + performance.now() - t0;
  try {
    await page.goto(host.url);
    await waitProbe(page, 'interactive', null, { timeout: 30_000 });
    await waitProbe(page, 'marker', marker, { timeout: 30_000 });
    const state = await readProbe(page);
    const resources = (await page.evaluate(
      "performance.getEntriesByType('resource').map((e) => ({ name: e.name, end: performance.timeOrigin + e.responseEnd }))",
    )) as { name: string; end: number }[];
    const js = resources
      .filter((r) => new URL(r.name).pathname.endsWith('.js') && r.end <= state.interactiveAt!)
      .map((r) => {
        const file = path.join(rendererDir, decodeURIComponent(new URL(r.name).pathname));
        const bytes = fs.readFileSync(file);
        return { file: path.basename(file), bytes: bytes.length, gzipBytes: gzipSync(bytes).length, loadedAt: Math.round(r.end - t0) };
      });
    return {
      interactiveMs: state.interactiveAt! - t0,
      conversationPaintedMs: state.markers[marker] !== undefined ? state.markers[marker]! - t0 : null,
      hostUrlMs,
      jsGzipBytes: js.reduce((s, f) => s + f.gzipBytes, 0),
      js,
    };
  } finally {
    await host.stop();
    await context.close();
  }
}
