// Attestation reports that passed their checks, per (provider, model, signing address),
// reused for a freshness window so every reply does not cost a report round trip.
import type { AttestationCheck } from './checks';

export interface CachedReport {
  /** The nonce we sent when this report was fetched, and when. */
  nonce: string;
  fetchedAt: number;
  check: AttestationCheck;
}

export const REPORT_FRESH_MS = 5 * 60_000;

export class ReportCache {
  private entries = new Map<string, CachedReport>();

  constructor(private readonly freshMs = REPORT_FRESH_MS) {}

  private key(providerId: string, model: string, address: string) {
    return `${providerId}\n${model}\n${address.toLowerCase()}`;
  }

  /**
   * A cached report answered an earlier nonce of ours, not a fresh one. Within the window
   * that is fine: it still proves the key was attested by a report no older than the window
   * (replays older than that are refused because the entry has expired).
   */
  get(providerId: string, model: string, address: string, now: number): CachedReport | null {
    const k = this.key(providerId, model, address);
    const hit = this.entries.get(k);
    if (!hit) return null;
    if (now - hit.fetchedAt > this.freshMs) {
      this.entries.delete(k);
      return null;
    }
    return hit;
  }

  /** Only reports whose checks all passed are kept. */
  put(providerId: string, model: string, address: string, value: CachedReport): void {
    this.entries.set(this.key(providerId, model, address), value);
  }
}
