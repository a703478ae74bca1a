// The host alone: the fast stream consumed by the app's host process with a plain WebSocket
// client in place of the page (nothing is drawn). Separates the host's own cost from the
// cost of the browser drawing the reply on the same cores. Time: the stream's first chunk
// leaving the emulator to chat.done reaching the client.
import WebSocket from 'ws';
import type { Emulator } from '../../e2e/emulator';
import type { Host } from '../../e2e/support/host';

export interface HostAloneResult {
  /** Per stream: first chunk sent → chat.done received (ms); the first stream compiles the path. */
  runs: number[];
}

const firstTs = (bytes: Buffer): number => {
  const m = /"x_emulator_ts":([\d.]+)/.exec(bytes.subarray(0, 4096).toString('utf8'));
  if (!m) throw new Error('the emulator did not timestamp its frames');
  return Number(m[1]);
};

export async function measureHostAlone(host: Host, emu: Emulator, opts: { conversationId: string; text: string; chunkSize: number; runs: number }): Promise<HostAloneResult> {
  const ws = new WebSocket(`ws://127.0.0.1:${new URL(host.url).port}/api?token=${host.token}`, { headers: { origin: host.origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const runs: number[] = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      const before = new Set(emu.completions.keys());
      emu.script('openai', [{ kind: 'reply', text: opts.text, chunkSize: opts.chunkSize, tokensPerSecond: 0, omitUsage: false }]);
      const done = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no chat.done within 60 s')), 60_000);
        const on = (raw: WebSocket.RawData) => {
          const f = JSON.parse(String(raw)) as { type: string; name?: string; result?: { ok: boolean; error?: { message: string } } };
          if (f.type === 'result' && f.result && !f.result.ok) reject(new Error(`chat.send failed: ${f.result.error?.message}`));
          if (f.type !== 'event' || f.name !== 'chat.done') return;
          clearTimeout(timer);
          ws.off('message', on);
          resolve(performance.timeOrigin + performance.now());
        };
        ws.on('message', on);
      });
      ws.send(JSON.stringify({ type: 'call', id: i + 1, name: 'chat.send', payload: { conversationId: opts.conversationId, text: 'Benchmark: the host alone.' } }));
      const end = await done;
      const id = [...emu.completions.keys()].find((k) => !before.has(k));
      const record = id ? emu.completions.get(id) : undefined;
      if (!record?.complete) throw new Error('no complete emulator stream for the host-alone run');
      runs.push(end - firstTs(Buffer.concat(record.responseChunks.slice(0, 4))));
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    ws.close();
  }
  return { runs };
}
