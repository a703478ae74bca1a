// Drives a running emulator over HTTP (for Playwright specs in another process than the emulator).
import type { EmuProvider, EmulatorInfo, RecordedRequest, Step, TeeTamper } from './types';

export class EmulatorClient {
  constructor(readonly url: string) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`emulator ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  info(): Promise<EmulatorInfo> {
    return this.call('GET', 'info');
  }

  async script(provider: EmuProvider, steps: Step[]): Promise<void> {
    await this.call('POST', 'script', { provider, steps });
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset', {});
  }

  requests(): Promise<RecordedRequest[]> {
    return this.call('GET', 'requests');
  }

  /** Sets the NEAR TEE tampering switches (replacing the previous set; reset() clears them). */
  async teeTamper(tamper: TeeTamper): Promise<void> {
    await this.call('POST', 'tee', { tamper });
  }

  teeInfo(): Promise<{ addresses: { model: string; gateway: string; foreign: string }; tamper: TeeTamper }> {
    return this.call('GET', 'tee');
  }

  completion(id: string): Promise<{ id: string; requestSha256: string; responseSha256: string; complete: boolean; clientDisconnected: boolean }> {
    return this.call('GET', `completions/${encodeURIComponent(id)}`);
  }
}
