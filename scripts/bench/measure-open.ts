// Long conversations: in a freshly loaded app (open on another conversation), click the long
// conversation in the sidebar and time until its newest message is painted; then, settled
// and after a forced GC, the page's DOM node count and JS heap.
import type { Page } from 'playwright-core';
import { readProbe, waitProbe } from './probe';
import { startProfile, startTrace } from './profile';
import type { AppSeed } from './seed';

export interface OpenResult {
  paintMs: number;
  domNodes: number;
  heapMB: number;
}

const link = (page: Page, title: string) => page.locator(`a.conversation-link[title="${title}"]`);

async function painted(page: Page, marker: string) {
  await waitProbe(page, 'marker', marker, { timeout: 60_000, polling: 50 });
}

export async function measureOpen(page: Page, seed: AppSeed, profile?: string): Promise<OpenResult> {
  // Start from a fresh page on the streaming conversation (the last one open), so the
  // long one is loaded for the first time, as after a restart.
  await link(page, seed.stream.title).click();
  await page.waitForTimeout(300); // settings.update (last conversation) is sent without waiting
  await page.reload();
  await waitProbe(page, 'interactive', null, { timeout: 30_000 });
  await link(page, seed.stream.title).click();
  await page.locator('article.message').last().waitFor({ timeout: 60_000 });
  // Let start-up work (catalog, lazy chunks) finish so it is not counted against the open.
  await page.waitForTimeout(1000);

  await page.evaluate(`window.__bench.watch(${JSON.stringify(seed.long.newestMarker)})`);
  const profiler = profile ? await (profile.endsWith('.json') ? startTrace(page) : startProfile(page)) : null;
  await link(page, seed.long.title).click();
  await painted(page, seed.long.newestMarker);
  if (profiler && profile) await profiler.stop(profile);
  const state = await readProbe(page);
  const paintMs = state.markers[seed.long.newestMarker]! - state.lastClickAt!;

  await page.waitForTimeout(1000);
  const domNodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { paintMs, domNodes, heapMB: heap.usedSize / 1e6 };
}
