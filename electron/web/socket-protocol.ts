// One WebSocket text frame = one call: {type:'call', id, name, payload} → {type:'result', id, result}.
// Anything else gets a clear error result; nothing a client sends can throw out of here.
import type { RawData, WebSocket } from 'ws';
import type { Router } from '../core/router';

const MAX_ID_LENGTH = 200;

export async function handleSocketMessage(ws: WebSocket, data: RawData, isBinary: boolean, router: Router, log?: (m: string) => void): Promise<void> {
  let id: unknown = null;
  const reply = (result: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }));
  };
  try {
    if (isBinary) return reply({ ok: false, error: { code: 'invalid_message', message: 'Binary messages are not accepted.' } });
    let msg: unknown;
    try {
      msg = JSON.parse(data.toString());
    } catch {
      return reply({ ok: false, error: { code: 'invalid_message', message: 'Message is not valid JSON.' } });
    }
    if (!msg || typeof msg !== 'object' || Array.isArray(msg)) {
      return reply({ ok: false, error: { code: 'invalid_message', message: 'Message must be a JSON object.' } });
    }
    const m = msg as Record<string, unknown>;
    id = (typeof m.id === 'number' && Number.isFinite(m.id)) || (typeof m.id === 'string' && m.id.length <= MAX_ID_LENGTH) ? m.id : null;
    if (m.type !== 'call') return reply({ ok: false, error: { code: 'invalid_message', message: 'Unknown message type.' } });
    // A call nobody can match to its result must not run (its side effects would be invisible).
    if (id === null) return reply({ ok: false, error: { code: 'invalid_message', message: `A call needs an id (a number, or a string of at most ${MAX_ID_LENGTH} characters).` } });
    reply(await router(m.name, m.payload));
  } catch (err) {
    log?.(`web: socket message failed: ${(err as Error).message}`);
    reply({ ok: false, error: { code: 'internal', message: 'Internal error.' } });
  }
}
