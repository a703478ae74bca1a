// One call on the app's own API socket, as the renderer makes it: for setup and for checks
// the UI cannot show. Goes through the same token, Origin check and router as the page.
import { WebSocket } from 'ws';
import type { Page } from '@playwright/test';
import type { App } from './fixtures';

export async function api<T>(app: App, name: string, payload: unknown): Promise<T> {
  const ws = new WebSocket(`${app.host.origin.replace('http', 'ws')}/api?token=${app.host.token}`, { origin: app.host.origin, maxPayload: 64 * 1024 * 1024 });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const result = await new Promise<{ ok: boolean; value?: T; error?: { message: string } }>((resolve) => {
    ws.on('message', (d) => {
      const m = JSON.parse(String(d));
      if (m.type === 'result' && m.id === 1) resolve(m.result);
    });
    ws.send(JSON.stringify({ type: 'call', id: 1, name, payload }));
  });
  ws.close();
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value as T;
}

/**
 * Passes the page's API socket through, holding back main's answers to `name` calls until
 * `release()` (called when such an answer arrives) resolves: a slow main, on cue. Takes
 * effect for sockets opened afterwards (reload the page).
 */
export async function holdAnswers(page: Page, name: string, release: () => Promise<unknown>): Promise<void> {
  const held = new Set<number>();
  await page.routeWebSocket(/\/api\b/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      const call = JSON.parse(String(m)) as { id: number; name: string };
      if (call.name === name) held.add(call.id);
      server.send(m);
    });
    server.onMessage((m) => {
      const frame = JSON.parse(String(m)) as { type: string; id?: number };
      if (frame.type === 'result' && held.has(frame.id!)) void release().then(() => ws.send(m));
      else ws.send(m);
    });
  });
}
