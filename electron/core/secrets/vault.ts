// API keys live only here, in the OS keychain (one service, one account per provider).
// Nothing outside main ever reads a key back; the renderer only learns whether one is set.
import { createRequire } from 'node:module';
import { AppError } from '../errors';
import type { Redactor } from './redactor';

export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export function loadKeytar(): Keychain {
  const require = createRequire(import.meta.url);
  try {
    return require('keytar') as Keychain;
  } catch (err) {
    throw new AppError('keychain_unavailable', `The OS keychain could not be loaded (${(err as Error).message.split('\n')[0]}).`);
  }
}

export class Vault {
  private cache = new Map<string, string | null>();

  constructor(
    private readonly keychain: Keychain,
    private readonly service: string,
    private readonly redactor: Redactor,
  ) {}

  async get(providerId: string): Promise<string | null> {
    if (this.cache.has(providerId)) return this.cache.get(providerId) ?? null;
    const key = await this.guard(() => this.keychain.getPassword(this.service, providerId));
    if (key) this.redactor.add(key);
    this.cache.set(providerId, key);
    return key;
  }

  async has(providerId: string): Promise<boolean> {
    return (await this.get(providerId)) !== null;
  }

  async set(providerId: string, key: string): Promise<void> {
    this.redactor.add(key);
    await this.guard(() => this.keychain.setPassword(this.service, providerId, key));
    this.cache.set(providerId, key);
  }

  async remove(providerId: string): Promise<void> {
    await this.guard(() => this.keychain.deletePassword(this.service, providerId));
    this.cache.set(providerId, null);
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      // Keychain errors never include the secret, but pass them through the redactor anyway.
      const detail = this.redactor.redact((err as Error).message ?? String(err));
      throw new AppError('keychain_error', `The OS keychain refused the operation: ${detail}`);
    }
  }
}
