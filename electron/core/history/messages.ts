import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Message } from '../../../shared/domain';
import { fromJson, toJson } from './json-columns';
import { inTransaction } from './transaction';

type Row = Record<string, unknown>;

function toMessage(r: Row): Message {
  return {
    id: String(r.id),
    conversationId: String(r.conversation_id),
    seq: Number(r.seq),
    role: r.role as Message['role'],
    content: String(r.content ?? ''),
    reasoning: (r.reasoning as string | null) ?? null,
    status: r.status as Message['status'],
    providerId: (r.provider_id as string | null) ?? null,
    modelRequested: (r.model_requested as string | null) ?? null,
    modelServed: (r.model_served as string | null) ?? null,
    privacy: (r.privacy as Message['privacy']) ?? null,
    error: fromJson(r.error),
    usage: fromJson(r.usage),
    cost: fromJson(r.cost),
    pricing: fromJson(r.pricing),
    timings: fromJson(r.timings),
    fallback: fromJson(r.fallback),
    verification: fromJson(r.verification),
    attachments: fromJson<Message['attachments']>(r.attachments) ?? [],
    createdAt: Number(r.created_at),
  };
}

/** Fields a streaming reply updates as it goes. */
export type MessagePatch = Partial<Omit<Message, 'id' | 'conversationId' | 'seq' | 'role' | 'createdAt'>>;

const COLUMNS: Record<keyof MessagePatch, string> = {
  content: 'content',
  reasoning: 'reasoning',
  status: 'status',
  providerId: 'provider_id',
  modelRequested: 'model_requested',
  modelServed: 'model_served',
  privacy: 'privacy',
  error: 'error',
  usage: 'usage',
  cost: 'cost',
  pricing: 'pricing',
  timings: 'timings',
  fallback: 'fallback',
  verification: 'verification',
  attachments: 'attachments',
};
const JSON_FIELDS = new Set(['error', 'usage', 'cost', 'pricing', 'timings', 'fallback', 'verification', 'attachments']);

export class MessageRepo {
  private updates = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {}

  list(conversationId: string): Message[] {
    return (this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId) as Row[]).map(toMessage);
  }

  /** What a send's history needs of each message (no JSON columns to parse), oldest first. */
  texts(conversationId: string): Pick<Message, 'id' | 'role' | 'content'>[] {
    return this.db.prepare('SELECT id, role, content FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId) as Pick<Message, 'id' | 'role' | 'content'>[];
  }

  hasAttachments(conversationId: string): boolean {
    return this.db.prepare("SELECT 1 FROM messages WHERE conversation_id = ? AND attachments <> '[]' LIMIT 1").get(conversationId) !== undefined;
  }

  /** The newest `limit` messages (all when omitted) with seq below `beforeSeq`, oldest first; one index range scan. */
  page(conversationId: string, opts: { beforeSeq?: number; limit?: number }): Message[] {
    const rows = this.db
      .prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
      .all(conversationId, opts.beforeSeq ?? Number.MAX_SAFE_INTEGER, opts.limit ?? -1) as Row[];
    return rows.reverse().map(toMessage);
  }

  get(id: string): Message | null {
    const r = this.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as Row | undefined;
    return r ? toMessage(r) : null;
  }

  nextSeq(conversationId: string): number {
    const r = this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE conversation_id = ?').get(conversationId) as { next: number };
    return Number(r.next);
  }

  insert(m: Message): void {
    this.db
      .prepare(
        `INSERT INTO messages (id, conversation_id, seq, role, content, reasoning, status, provider_id, model_requested,
           model_served, privacy, error, usage, cost, pricing, timings, fallback, verification, attachments, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        m.id, m.conversationId, m.seq, m.role, m.content, m.reasoning, m.status, m.providerId, m.modelRequested,
        m.modelServed, m.privacy, toJson(m.error), toJson(m.usage), toJson(m.cost), toJson(m.pricing), toJson(m.timings),
        toJson(m.fallback), toJson(m.verification), JSON.stringify(m.attachments ?? []), m.createdAt, Date.now(),
      );
  }

  update(id: string, patch: MessagePatch): void {
    const keys = (Object.keys(patch) as (keyof MessagePatch)[]).filter((k) => k in COLUMNS).sort();
    if (keys.length === 0) return;
    const sig = keys.join(',');
    let stmt = this.updates.get(sig);
    if (!stmt) {
      stmt = this.db.prepare(`UPDATE messages SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);
      this.updates.set(sig, stmt);
    }
    const values = keys.map((k) => (JSON_FIELDS.has(k) ? toJson(patch[k]) : ((patch[k] as string | null | undefined) ?? null)));
    stmt.run(...values, Date.now(), id);
  }

  /** Runs several writes (to any table of this database) as one: all are kept, or none. */
  atomically<T>(fn: () => T): T {
    return inTransaction(this.db, fn);
  }

  /** The newest message of a conversation (highest seq), or null when it has none. */
  last(conversationId: string): Message | null {
    const r = this.db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1').get(conversationId) as Row | undefined;
    return r ? toMessage(r) : null;
  }

  delete(id: string): boolean {
    return Number(this.db.prepare('DELETE FROM messages WHERE id = ?').run(id).changes) > 0;
  }

  /** Deletes every message after `seq` in a conversation; returns their ids, oldest first. */
  deleteAfter(conversationId: string, seq: number): string[] {
    const ids = (this.db.prepare('SELECT id FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq').all(conversationId, seq) as { id: string }[]).map((r) => r.id);
    this.db.prepare('DELETE FROM messages WHERE conversation_id = ? AND seq > ?').run(conversationId, seq);
    return ids;
  }

  /** Replies left `streaming` by a crash or kill: keep their text, mark them interrupted. */
  markInterrupted(): number {
    const error = JSON.stringify({ code: 'interrupted', message: 'The app closed while this reply was streaming; the text received until then is kept.' });
    return Number(
      this.db.prepare(`UPDATE messages SET status = 'interrupted', error = COALESCE(error, ?), updated_at = ? WHERE status = 'streaming'`).run(error, Date.now()).changes,
    );
  }
}
