// A child process for storage-errors.test.ts: the real core on a data folder, with an
// in-memory keychain and a local provider that streams one long reply. Reports what the
// user would see (startup failure, app.alert events, the reply's final state) as JSON
// lines on stdout, so the test can run it under conditions a test process cannot take on
// itself (another user's permissions, a file-size limit).
//
// Usage: node core-runner.mjs <data dir> <reply bytes> [words|run]
//   words (default): prose, with usage reported by the provider at the end
//   run: one long run of text without whitespace, and no usage (the app must estimate it)
import http from 'node:http';
import { writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createCore } from '../app';
import type { Keychain } from '../secrets/vault';

const [dataDir, replyBytes, shape = 'words'] = process.argv.slice(2) as [string, string, string?];
const report = (o: object) => writeSync(1, `${JSON.stringify(o)}\n`);
// Past a file-size limit the kernel sends SIGXFSZ, which would kill us; ignored, the write fails with EFBIG instead.
process.on('SIGXFSZ', () => undefined);

const secrets = new Map<string, string>();
const keychain: Keychain = {
  getPassword: async (s, a) => secrets.get(`${s}/${a}`) ?? null,
  setPassword: async (s, a, p) => void secrets.set(`${s}/${a}`, p),
  deletePassword: async (s, a) => secrets.delete(`${s}/${a}`),
};

async function provider(bytes: number, words: boolean): Promise<string> {
  const server = http.createServer((req, res) => {
    if (req.url?.endsWith('/models')) return res.end(JSON.stringify({ data: [{ id: 'm' }] }));
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const piece = words ? 'lorem ipsum dolor sit amet, '.repeat(600) : 'x'.repeat(16 * 1024);
    const usage = words ? { prompt_tokens: 5, completion_tokens: Math.ceil(bytes / 4), total_tokens: 5 + Math.ceil(bytes / 4) } : undefined;
    let sent = 0;
    const next = () => {
      if (sent >= bytes) {
        res.end(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage })}\n\ndata: [DONE]\n\n`);
        return;
      }
      sent += piece.length;
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: piece } }] })}\n\n`);
      setTimeout(next, 2); // slow enough for several throttled saves
    };
    next();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

async function main() {
  let core;
  try {
    core = await createCore({ dataDir, keychainService: 'parley-storage-test', keychain, mode: 'web', appVersion: 'test' });
  } catch (err) {
    report({ type: 'startup-failed', message: (err as Error).message });
    process.exit(3);
  }
  const call = (name: string, input: unknown) => core.router(name, input);
  core.events.subscribe((name, payload) => {
    if (name === 'app.alert') report({ type: 'alert', payload });
    if (name !== 'chat.done') return;
    const m = (payload as { message: { id: string; conversationId: string; status: string; content: string; error: unknown } }).message;
    report({ type: 'done', status: m.status, length: m.content.length, error: m.error });
    // After the fault the app must still answer.
    void call('messages.list', { conversationId: m.conversationId }).then((r) => {
      const stored = r.ok ? (r.value as { id: string; content: string }[]).find((x) => x.id === m.id) : undefined;
      report({ type: 'after', ok: r.ok, storedLength: stored?.content.length ?? null });
    });
  });
  report({ type: 'started' });
  const baseUrl = await provider(Number(replyBytes), shape === 'words');
  const p = await call('providers.save', { name: 'Local', baseUrl, apiKey: 'sk-storage-test-key', defaultModel: 'm' });
  report({ type: 'result', name: 'providers.save', result: p });
  if (!p.ok) return process.exit(0);
  const c = await call('conversations.create', { providerId: (p.value as { id: string }).id, modelId: 'm' });
  report({ type: 'result', name: 'conversations.create', result: c });
  if (!c.ok) return process.exit(0);
  const sent = await call('chat.send', { conversationId: (c.value as { id: string }).id, text: 'Write a lot.' });
  report({ type: 'result', name: 'chat.send', result: sent.ok ? { ok: true } : sent });
}

main().catch((err) => {
  report({ type: 'crash', message: String(err) });
  process.exit(4);
});
