// The real OS keychain (Secret Service here; run inside a D-Bus session with an unlocked keyring).
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Redactor } from './redactor';
import { loadKeytar, Vault } from './vault';

const service = `parley-test-${randomUUID()}`;
const keytar = loadKeytar();

afterAll(async () => {
  for (const a of ['near', 'nanogpt']) await keytar.deletePassword(service, a).catch(() => undefined);
});

describe('vault on the OS keychain', () => {
  it('stores, reads back in a new vault, replaces and removes a key', async () => {
    const redactor = new Redactor();
    const v = new Vault(keytar, service, redactor);
    expect(await v.has('near')).toBe(false);
    await v.set('near', 'sk-near-first-1234');
    expect(await keytar.getPassword(service, 'near')).toBe('sk-near-first-1234');
    // A fresh vault (a restarted app) finds it in the keychain, not in memory.
    const again = new Vault(keytar, service, new Redactor());
    expect(await again.get('near')).toBe('sk-near-first-1234');
    await again.set('near', 'sk-near-second-5678');
    expect(await keytar.getPassword(service, 'near')).toBe('sk-near-second-5678');
    await again.remove('near');
    expect(await keytar.getPassword(service, 'near')).toBeNull();
    expect(await again.has('near')).toBe(false);
    expect(redactor.redact('key sk-near-first-1234 here')).toBe('key [redacted] here');
  });

  it('keeps accounts apart', async () => {
    const v = new Vault(keytar, service, new Redactor());
    await v.set('near', 'sk-aaaa-1111');
    await v.set('nanogpt', 'sk-bbbb-2222');
    expect(await new Vault(keytar, service, new Redactor()).get('nanogpt')).toBe('sk-bbbb-2222');
    await v.remove('near');
    expect(await new Vault(keytar, service, new Redactor()).get('nanogpt')).toBe('sk-bbbb-2222');
  });
});
