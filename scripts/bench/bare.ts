// The overhead baseline: a bare client that POSTs the same request to the emulator and
// fetch-and-parses the stream (Node fetch + eventsource-parser + JSON.parse per event),
// doing nothing else. Runs as its own process, as the app's host does, and reads the stream
// twice: the first pass compiles its code (cold, like the app's first long reply), the second
// runs warm (like the app's measured one).
// Usage: node bare.mjs <url> <request-body-file>; prints one JSON line.
import fs from 'node:fs';
import { createParser } from 'eventsource-parser';

const now = () => performance.timeOrigin + performance.now();

interface Pass {
  firstTs: number | null;
  lastTs: number | null;
  end: number;
  frames: number;
  chars: number;
}

async function pass(url: string, body: Buffer): Promise<Pass> {
  let firstTs: number | null = null;
  let lastTs: number | null = null;
  let content = '';
  let frames = 0;
  let done = false;
  const parser = createParser({
    onEvent(e) {
      if (e.data === '[DONE]') {
        done = true;
        return;
      }
      const chunk = JSON.parse(e.data) as { x_emulator_ts?: number; choices?: { delta?: { content?: string } }[] };
      frames++;
      if (typeof chunk.x_emulator_ts === 'number') {
        firstTs ??= chunk.x_emulator_ts;
        lastTs = chunk.x_emulator_ts;
      }
      content += chunk.choices?.[0]?.delta?.content ?? '';
    },
  });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body });
  if (!res.ok || !res.body) throw new Error(`emulator answered ${res.status}`);
  const decoder = new TextDecoder();
  for await (const bytes of res.body) parser.feed(decoder.decode(bytes as Uint8Array, { stream: true }));
  const end = now();
  if (!done) throw new Error('stream ended without [DONE]');
  return { firstTs, lastTs, end, frames, chars: content.length };
}

async function main() {
  const [url, bodyFile] = process.argv.slice(2);
  if (!url || !bodyFile) throw new Error('usage: bare.mjs <url> <request-body-file>');
  const body = fs.readFileSync(bodyFile);
  const cold = await pass(url, body);
  const warm = await pass(url, body);
  process.stdout.write(`${JSON.stringify({ cold, warm })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bare client failed: ${(err as Error).message}\n`);
  process.exit(1);
});
