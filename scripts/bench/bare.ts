// The overhead baseline: a bare client that POSTs the same request to the emulator and
// fetch-and-parses the stream (Node fetch + eventsource-parser + JSON.parse per event),
// doing nothing else. Runs as its own process, as the app's host does.
// Usage: node bare.mjs <url> <request-body-file>; prints one JSON line.
import fs from 'node:fs';
import { createParser } from 'eventsource-parser';

const now = () => performance.timeOrigin + performance.now();

async function main() {
  const [url, bodyFile] = process.argv.slice(2);
  if (!url || !bodyFile) throw new Error('usage: bare.mjs <url> <request-body-file>');
  const body = fs.readFileSync(bodyFile);
  const started = now();
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
  process.stdout.write(`${JSON.stringify({ started, firstTs, lastTs, end, frames, chars: content.length })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bare client failed: ${(err as Error).message}\n`);
  process.exit(1);
});
