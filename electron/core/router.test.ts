import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from './router';
import { AppError } from './errors';

const SECRET = 'sk-live-abcdef123456';
const redact = (t: string) => t.split(SECRET).join('[redacted]');

function router(overrides: Partial<Handlers>) {
  const logs: string[] = [];
  return { logs, route: createRouter(overrides as Handlers, { redact, log: (m) => logs.push(m) }) };
}

describe('router', () => {
  it('rejects unknown calls and non-string names', async () => {
    const { route } = router({});
    expect(await route('keys.get', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await route({ name: 'x' }, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await route('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await route('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('validates input and names the bad field', async () => {
    const { route } = router({ 'keys.set': async () => ({ hasKey: true }) });
    const r = await route('keys.set', { providerId: 'near', apiKey: 'has space' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!r.ok && r.error.message).toMatch(/apiKey/);
    expect(await route('keys.set', { providerId: 'near', apiKey: 'k', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await route('keys.set', 'nope')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await route('keys.set', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps validation errors short, whatever the payload', async () => {
    const { route } = router({ 'keys.has': async () => ({ hasKey: false }) });
    const payload: Record<string, unknown> = { providerId: 'near' };
    for (let i = 0; i < 10_000; i++) payload[`unexpected_key_${i}`] = i;
    const r = await route('keys.has', payload);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(r).length).toBeLessThan(5_000);
  });

  it('turns handler failures into results, with secrets redacted', async () => {
    const { route, logs } = router({
      'keys.has': async () => {
        throw new AppError('keychain_error', `bad key ${SECRET}`);
      },
      'keys.remove': async () => {
        throw new TypeError(`boom ${SECRET}`);
      },
    });
    const a = await route('keys.has', { providerId: 'near' });
    expect(a).toEqual({ ok: false, error: { code: 'keychain_error', message: 'bad key [redacted]' } });
    const b = await route('keys.remove', { providerId: 'near' });
    expect(b).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(b)).not.toContain(SECRET);
    expect(logs.join('\n')).not.toContain(SECRET);
  });

  it('strips fields the contract does not declare from results', async () => {
    const { route } = router({ 'keys.has': async () => ({ hasKey: true, apiKey: SECRET }) as never });
    expect(await route('keys.has', { providerId: 'near' })).toEqual({ ok: true, value: { hasKey: true } });
  });
});
