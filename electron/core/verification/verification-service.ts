// TEE verification of Private NEAR AI Cloud replies: keeps each reply's exact bytes while it
// streams, verifies automatically when it settles (Settings → automatic verification),
// and on request; stores the result on the message and announces it (verify.updated).
import type { DatabaseSync } from 'node:sqlite';
import type { ModelInfo, VerificationResult } from '../../../shared/domain';
import { AppError, notFound } from '../errors';
import type { EventBus } from '../events';
import type { MessageRepo } from '../history/messages';
import type { ProviderRecord, ProvidersRepo } from '../history/providers-repo';
import type { Vault } from '../secrets/vault';
import type { SettingsService } from '../settings-service';
import { ByteCapture, MAX_EVIDENCE_BYTES } from './byte-capture';
import { EvidenceRepo } from './evidence-repo';
import { NearTeeClient } from './near-tee-client';
import { ReportCache } from './report-cache';
import { emptyEvidence, result, verifyReply } from './verify-reply';

/** What the chat service hands over per reply (see ChatDeps.evidence). */
export interface ReplyEvidenceSink {
  /** Null when this reply cannot be verified (not a NEAR Private model): nothing is kept. */
  begin(r: { messageId: string; conversationId: string; provider: ProviderRecord; model: ModelInfo | null; modelId: string; requestBody: string }): EvidenceRecorder | null;
}

export interface EvidenceRecorder {
  /** Every response byte as received. */
  onBytes(bytes: Uint8Array): void;
  /** The reply reached its final state (already persisted). */
  settled(completionId: string | null): void;
}

export interface VerificationDeps {
  db: DatabaseSync;
  messages: MessageRepo;
  providers: ProvidersRepo;
  vault: Vault;
  settings: SettingsService;
  events: EventBus;
  redact: (text: string) => string;
  /** Whether text holds a stored API key: such bytes are never kept (they cannot be redacted without breaking the hash). */
  containsSecret: (text: string) => boolean;
  log?: (message: string) => void;
  fetch?: typeof fetch;
  /** Waits before re-asking for a signature that is not there yet (default 1 s, then 3 s). */
  notFoundRetriesMs?: number[];
  maxEvidenceBytes?: number;
}

/** NEAR marks TEE models `verifiable` + `providerType: vllm`, which the catalog maps to privacy 'private'. */
export function isVerifiable(provider: ProviderRecord, model: ModelInfo | null): boolean {
  return provider.kind === 'near' && model?.privacy === 'private';
}

export class VerificationService implements ReplyEvidenceSink {
  private readonly evidence: EvidenceRepo;
  private readonly cache = new ReportCache();
  private readonly inFlight = new Map<string, Promise<VerificationResult>>();
  private readonly abort = new AbortController();

  constructor(private readonly deps: VerificationDeps) {
    this.evidence = new EvidenceRepo(deps.db);
  }

  begin(r: Parameters<ReplyEvidenceSink['begin']>[0]): EvidenceRecorder | null {
    if (!isVerifiable(r.provider, r.model)) return null;
    const max = this.deps.maxEvidenceBytes ?? MAX_EVIDENCE_BYTES;
    const requestBytes = Buffer.from(r.requestBody, 'utf8');
    const capture = new ByteCapture(Math.max(0, max - requestBytes.length));
    if (requestBytes.length > max) capture.tooLarge = true;
    return {
      onBytes: (b) => capture.push(b),
      settled: (completionId) => {
        // Nothing streamed (refused before the first byte): no signature can exist, so no badge.
        if (!completionId && !capture.tooLarge) return;
        if (!capture.tooLarge && (this.deps.containsSecret(r.requestBody) || this.deps.containsSecret(Buffer.from(capture.bytes()).toString('utf8')))) {
          this.refuseToKeep(r.messageId, r.conversationId, r.modelId, completionId);
          return;
        }
        try {
          this.evidence.put({
            messageId: r.messageId, providerId: r.provider.id, modelId: r.modelId, completionId,
            requestBody: requestBytes, responseBytes: capture.tooLarge ? null : capture.bytes(), tooLarge: capture.tooLarge,
          });
        } catch (err) {
          this.deps.log?.(`verify: could not keep the bytes of a reply: ${(err as Error).message}`);
          return;
        }
        if (this.deps.settings.get().autoVerify) {
          this.run(r.messageId).catch((err: unknown) => this.deps.log?.(`verify: automatic verification failed: ${(err as Error).message}`));
        }
      },
    };
  }

  /** A reply whose bytes hold an API key (e.g. an error echoing it): keep nothing, and say why. */
  private refuseToKeep(messageId: string, conversationId: string, modelId: string, completionId: string | null): void {
    const verdict = result(
      'not_verifiable',
      'Not verifiable: the exchange contained one of your API keys, so its exact bytes were not kept',
      { ...emptyEvidence(), model: modelId, completionId },
    );
    try {
      this.deps.messages.update(messageId, { verification: verdict });
      this.deps.events.emit('verify.updated', { messageId, conversationId, result: verdict });
    } catch (err) {
      this.deps.log?.(`verify: could not record an unverifiable reply: ${(err as Error).message}`);
    }
  }

  get(messageId: string): VerificationResult | null {
    const m = this.deps.messages.get(messageId);
    if (!m) throw notFound('Message');
    return m.verification;
  }

  /** Verifies (again) now; concurrent calls for one message share one check. */
  run(messageId: string): Promise<VerificationResult> {
    const pending = this.inFlight.get(messageId);
    if (pending) return pending;
    const p = this.check(messageId).finally(() => this.inFlight.delete(messageId));
    this.inFlight.set(messageId, p);
    return p;
  }

  /** On quit: cancel what is in flight and wait for it to settle. */
  async close(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async check(messageId: string): Promise<VerificationResult> {
    const { messages, providers } = this.deps;
    const message = messages.get(messageId);
    if (!message) throw notFound('Message');
    if (message.status === 'streaming') throw new AppError('busy', 'This reply is still streaming; it can be verified once it has finished.');
    const kept = this.evidence.get(messageId);
    const provider = message.providerId ? providers.get(message.providerId) : null;
    let verdict: VerificationResult;
    if (!kept) {
      if (message.privacy !== 'private' || provider?.kind !== 'near') {
        throw new AppError('not_verifiable', 'Only replies from Private models on NEAR AI Cloud can be verified.');
      }
      verdict = result(
        'not_verifiable',
        'The exact bytes of this reply were not kept (it arrived before verification was available, or no reply was streamed), so it cannot be checked',
        { ...emptyEvidence(), model: message.modelRequested },
      );
    } else if (!provider) {
      verdict = result('not_verifiable', 'The provider of this reply is no longer configured', { ...emptyEvidence(), model: kept.modelId, completionId: kept.completionId });
    } else {
      const client = new NearTeeClient({ baseUrl: provider.baseUrl, key: await this.deps.vault.get(provider.id), fetch: this.deps.fetch, signal: this.abort.signal });
      verdict = await verifyReply(kept, { client, cache: this.cache, notFoundRetriesMs: this.deps.notFoundRetriesMs ?? [1000, 3000], signal: this.abort.signal });
      // Provider text can echo anything; keys never reach the database or the renderer.
      verdict = scrub(verdict, this.deps.redact);
    }
    if (this.abort.signal.aborted) return verdict;
    if (!messages.get(messageId)) return verdict; // deleted meanwhile
    messages.update(messageId, { verification: verdict });
    this.deps.events.emit('verify.updated', { messageId, conversationId: message.conversationId, result: verdict });
    return verdict;
  }
}

/** Every string in the result passed through the redactor (the result is plain JSON data). */
function scrub<T>(value: T, redact: (t: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrub(v, redact)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, redact)])) as T;
  return value;
}
