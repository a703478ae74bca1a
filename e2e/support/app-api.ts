// One call on the app's own API socket, as the renderer makes it: for setup and for checks
// the UI cannot show. Goes through the same token, Origin check and router as the page.
import { WebSocket } from 'ws';
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
