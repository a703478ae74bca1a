// The exact bytes of Private replies (table reply_evidence, schema v3), one row per message.
import type { DatabaseSync } from 'node:sqlite';
import type { ReplyBytes } from './verify-reply';

export interface EvidenceRow extends ReplyBytes {
  messageId: string;
}

export class EvidenceRepo {
  constructor(private readonly db: DatabaseSync) {}

  put(e: EvidenceRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO reply_evidence (message_id, provider_id, model_id, completion_id, request_body, response_bytes, too_large, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.messageId, e.providerId, e.modelId, e.completionId, e.tooLarge ? null : e.requestBody, e.tooLarge ? null : e.responseBytes, e.tooLarge ? 1 : 0, Date.now());
  }

  get(messageId: string): EvidenceRow | null {
    const r = this.db.prepare('SELECT * FROM reply_evidence WHERE message_id = ?').get(messageId) as Record<string, unknown> | undefined;
    if (!r) return null;
    const bytes = (v: unknown) => (v instanceof Uint8Array ? v : null);
    return {
      messageId: String(r.message_id),
      providerId: String(r.provider_id),
      modelId: String(r.model_id),
      completionId: (r.completion_id as string | null) ?? null,
      requestBody: bytes(r.request_body),
      responseBytes: bytes(r.response_bytes),
      tooLarge: Number(r.too_large) === 1,
    };
  }
}
