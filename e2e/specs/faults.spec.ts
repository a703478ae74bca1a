// The fault suite: every way a provider can fail, injected by the emulator, seen through
// the UI. Each test checks that the user sees a clear error in place (inside the reply),
// that text received before the fault is kept and marked, and that the next message works.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { assistant, expect, test } from '../support/fixtures';
import { expectNextWorks, sendWith, setUp } from '../support/replies';

// Short timeouts so the idle/connect faults take seconds, not the defaults' 90/30 s.
const IDLE_MS = 3000;
const CONNECT_MS = 2000;
test.use({ hostEnv: { PARLEY_IDLE_TIMEOUT_MS: String(IDLE_MS), PARLEY_CONNECT_TIMEOUT_MS: String(CONNECT_MS), PARLEY_RETRY_BACKOFF_MS: '200' } });

const PARTIAL = 'The first part arrives fine, and then something goes badly wrong in the middle of the reply.';

/** The reply settled as failed: an error callout inside it, and not busy any more. */
async function expectErrorInPlace(reply: ReturnType<typeof assistant>, message: RegExp, heading: RegExp = /Error \d{3}|The reply failed/) {
  const alert = reply.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(heading);
  await expect(alert).toContainText(message);
  await expect(reply).toHaveAttribute('aria-busy', 'false');
  return (await alert.innerText()).trim();
}



test.describe('HTTP errors before the stream', () => {
  for (const [status, message] of [
    [400, /400|bad request|invalid/i],
    [401, /401|key|auth/i],
    [402, /402|credit|balance|payment/i],
    [500, /500/],
    [503, /503/],
  ] as const) {
    test(`${status}`, async ({ page, emulator }) => {
      await setUp(page, emulator);
      // 500/503 are retried (3 attempts in all); script enough failures to exhaust them.
      const attempts = status >= 500 ? 3 : 1;
      const reply = await sendWith(page, emulator, 'openai', Array.from({ length: attempts }, () => ({ kind: 'http-error' as const, status })));
      await expectErrorInPlace(reply, message, new RegExp(`Error ${status}`));
      expect(emulator.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(attempts);
      await expectNextWorks(page, emulator);
    });
  }

  test('404 unknown model', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'http-error', status: 404, message: 'The model `gpt-4o-mini` does not exist or you do not have access to it.' }]);
    await expectErrorInPlace(reply, /model|not found|does not exist/i, /Error 404/);
    await expectNextWorks(page, emulator);
  });

  test('429 with Retry-After: a countdown, then the retry succeeds', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'http-error', status: 429, retryAfter: 3 }, { kind: 'reply', text: 'Worth the wait.', reasoning: '' }]);
    const note = reply.getByRole('status');
    await expect(note).toContainText(/Retrying in [1-3]s/);
    await expect(reply).toContainText('Worth the wait.', { timeout: 15_000 });
    await expect(reply.getByRole('alert')).toHaveCount(0);
    const chats = emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats).toHaveLength(2);
    expect(chats[1]!.at - chats[0]!.at).toBeGreaterThanOrEqual(2900);
    await expectNextWorks(page, emulator);
  });
});

test.describe('faults inside the stream', () => {
  test('NEAR mid-stream error frame', async ({ page, emulator }) => {
    await setUp(page, emulator, 'near');
    const reply = await sendWith(page, emulator, 'near', [{ kind: 'midstream-error', afterChars: 30, text: PARTIAL, reasoning: '', message: 'Upstream model crashed' }]);
    await expectErrorInPlace(reply, /Upstream model crashed/);
    await expect(reply).toContainText('The first part arrives');
    await expect(reply).not.toContainText('middle of the reply');
    await expectNextWorks(page, emulator, 'near');
  });

  test('NanoGPT mid-stream error frame (finish_reason "error")', async ({ page, emulator }) => {
    await setUp(page, emulator, 'nanogpt');
    const reply = await sendWith(page, emulator, 'nanogpt', [{ kind: 'midstream-error', afterChars: 30, text: PARTIAL, reasoning: '', message: 'Provider overloaded' }]);
    await expectErrorInPlace(reply, /Provider overloaded|ended the reply with an error/);
    await expect(reply).toContainText('The first part arrives');
    await expectNextWorks(page, emulator, 'nanogpt');
  });

  test('a malformed JSON chunk', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'malformed-chunk', text: PARTIAL, reasoning: '' }]);
    await expectErrorInPlace(reply, /malformed stream chunk/);
    // The good chunks on both sides of the bad one are all kept.
    await expect(reply).toContainText('The first part arrives');
    await expect(reply).toContainText('middle of the reply');
    await expectNextWorks(page, emulator);
  });

  test('a chunk that is not JSON at all', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'not-json-chunk', text: PARTIAL, reasoning: '' }]);
    await expectErrorInPlace(reply, /malformed stream chunk: hello world/);
    await expect(reply).toContainText('middle of the reply');
    await expectNextWorks(page, emulator);
  });

  test('a stream that ends without [DONE]', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'no-done', text: PARTIAL, reasoning: '' }]);
    // Not an error from the provider: the reply is marked interrupted, its text kept.
    await expect(reply).toContainText('Interrupted', { timeout: 15_000 });
    await expect(reply).toContainText(/ended before the reply was complete/);
    await expect(reply).toContainText('middle of the reply');
    await expect(reply).toHaveAttribute('aria-busy', 'false');
    await expectNextWorks(page, emulator);
  });

  test('a connection reset mid-stream', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'reset', afterChars: 30, text: PARTIAL, reasoning: '' }]);
    await expectErrorInPlace(reply, /connection dropped mid-reply/);
    await expect(reply).toContainText('The first part arrives');
    await expect(reply).not.toContainText('middle of the reply');
    await expectNextWorks(page, emulator);
  });

  test('a server that stops sending (idle timeout)', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const started = Date.now();
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'stall', afterChars: 30, text: PARTIAL, reasoning: '' }]);
    await expect(reply).toContainText('The first part arrives');
    await expectErrorInPlace(reply, /stopped sending for 3 s/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(IDLE_MS);
    await expect(reply).not.toContainText('middle of the reply');
    await expectNextWorks(page, emulator);
  });

  test('a reply that never starts (connect timeout)', async ({ page, emulator }) => {
    await setUp(page, emulator);
    // Retried before the first byte (3 attempts in all), then reported.
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'never-respond' }, { kind: 'never-respond' }, { kind: 'never-respond' }]);
    await expect(reply.getByRole('status')).toContainText(/Retrying/);
    await expectErrorInPlace(reply, /did not answer within 2 s/);
    expect(emulator.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(3);
    await expectNextWorks(page, emulator);
  });

  test('UTF-8 characters split across reads arrive intact', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const text = 'héllo wörld — 日本語 🎉 ñandú 𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'split-utf8', text }]);
    await expect(reply).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
    await expect(reply).toContainText(text);
    expect(await reply.innerText()).not.toContain('\ufffd');
    await expectNextWorks(page, emulator);
  });

  test('SSE comments and empty lines between frames are ignored', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'reply', text: PARTIAL, reasoning: '', keepAlive: true, chunkSize: 3 }]);
    await expect(reply).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
    await expect(reply).toContainText(PARTIAL);
    await expect(reply).not.toContainText('keep-alive');
    await expect(reply.getByRole('alert')).toHaveCount(0);
    await expectNextWorks(page, emulator);
  });
});

test.describe('answers that are not a stream', () => {
  test('a redirect: a clear error, and the key never goes to the new address', async ({ page, emulator }) => {
    const seen: http.IncomingHttpHeaders[] = [];
    const trap = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end();
    });
    await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
    const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/v1/chat/completions`;
    try {
      await setUp(page, emulator);
      const reply = await sendWith(page, emulator, 'openai', [{ kind: 'redirect', status: 307, location: trapUrl }]);
      const text = await expectErrorInPlace(reply, /redirected the request/);
      expect(text).toContain('Check the base URL');
      await page.waitForTimeout(500);
      expect(seen).toEqual([]);
      expect(text).not.toContain(emulator.keys.openai);
      await expectNextWorks(page, emulator);
    } finally {
      await new Promise((r) => trap.close(r));
    }
  });

  test('an HTML page with status 200 instead of a stream', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [{ kind: 'html-error', status: 200 }]);
    const text = await expectErrorInPlace(reply, /Expected an event stream but the provider sent text\/html/);
    // Summarised by its title, not dumped as markup.
    expect(text).toContain('502 Bad Gateway');
    expect(text).not.toContain('<');
    await expectNextWorks(page, emulator);
  });

  test('an HTML error page with status 502', async ({ page, emulator }) => {
    await setUp(page, emulator);
    const reply = await sendWith(page, emulator, 'openai', [1, 2, 3].map(() => ({ kind: 'html-error' as const, status: 502 as const })));
    const text = await expectErrorInPlace(reply, /502/, /Error 502/);
    expect(text).not.toContain('<style');
    expect(text).not.toContain('<body');
    await expectNextWorks(page, emulator);
  });
});
