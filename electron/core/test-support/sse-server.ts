// A local OpenAI-style server for core tests: each request is answered by a script.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Script = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void | Promise<void>;

export async function startSseServer(script: Script) {
  const requests: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let current = script;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url?.endsWith('/models')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'test-model', object: 'model' }] }));
        return;
      }
      requests.push({ headers: req.headers, body });
      void current(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setScript(s: Script) {
      current = s;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

export const sseChunk = (delta: object, extra: object = {}) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'test-model', choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;

export async function streamWords(res: http.ServerResponse, words: string[], opts: { delayMs?: number; done?: boolean } = {}) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const w of words) {
    res.write(sseChunk({ content: w }));
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
  }
  if (opts.done !== false) {
    res.write(`data: ${JSON.stringify({ id: 'chatcmpl-1', model: 'test-model', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    res.write(`data: ${JSON.stringify({ id: 'chatcmpl-1', model: 'test-model', choices: [], usage: { prompt_tokens: 10, completion_tokens: words.length } })}\n\n`);
    res.write('data: [DONE]\n\n');
  }
  res.end();
}
