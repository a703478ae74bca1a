import type { DatabaseSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import type { Conversation, ThinkingSetting } from '../../../shared/domain';
import { fromJson } from './json-columns';

type Row = Record<string, unknown>;
const DEFAULT_THINKING: ThinkingSetting = { enabled: false, effort: 'medium' };

function toConversation(r: Row): Conversation {
  return {
    id: String(r.id),
    title: String(r.title),
    providerId: (r.provider_id as string | null) ?? null,
    modelId: (r.model_id as string | null) ?? null,
    pinned: r.pinned === 1,
    privateOnly: r.private_only === 1,
    thinking: fromJson<ThinkingSetting>(r.thinking) ?? DEFAULT_THINKING,
    budgetUsd: (r.budget_usd as number | null) ?? null,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export type ConversationPatch = Partial<Omit<Conversation, 'id' | 'createdAt'>>;

export class ConversationRepo {
  constructor(private readonly db: DatabaseSync) {}

  list(): Conversation[] {
    return (this.db.prepare('SELECT * FROM conversations ORDER BY pinned DESC, updated_at DESC').all() as Row[]).map(toConversation);
  }

  get(id: string): Conversation | null {
    const r = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as Row | undefined;
    return r ? toConversation(r) : null;
  }

  create(init: Partial<Conversation> = {}): Conversation {
    const now = Date.now();
    const c: Conversation = {
      id: init.id ?? randomUUID(),
      title: init.title ?? 'New conversation',
      providerId: init.providerId ?? null,
      modelId: init.modelId ?? null,
      pinned: init.pinned ?? false,
      privateOnly: init.privateOnly ?? false,
      thinking: init.thinking ?? DEFAULT_THINKING,
      budgetUsd: init.budgetUsd ?? null,
      createdAt: init.createdAt ?? now,
      updatedAt: init.updatedAt ?? now,
    };
    this.db
      .prepare(
        `INSERT INTO conversations (id, title, provider_id, model_id, pinned, private_only, thinking, budget_usd, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.id, c.title, c.providerId, c.modelId, c.pinned ? 1 : 0, c.privateOnly ? 1 : 0, JSON.stringify(c.thinking), c.budgetUsd, c.createdAt, c.updatedAt);
    return c;
  }

  update(id: string, patch: ConversationPatch, touch = true): Conversation | null {
    const current = this.get(id);
    if (!current) return null;
    const next: Conversation = { ...current, ...patch, updatedAt: touch ? Date.now() : (patch.updatedAt ?? current.updatedAt) };
    this.db
      .prepare(
        `UPDATE conversations SET title = ?, provider_id = ?, model_id = ?, pinned = ?, private_only = ?, thinking = ?,
           budget_usd = ?, updated_at = ? WHERE id = ?`,
      )
      .run(next.title, next.providerId, next.modelId, next.pinned ? 1 : 0, next.privateOnly ? 1 : 0, JSON.stringify(next.thinking), next.budgetUsd, next.updatedAt, id);
    return next;
  }

  delete(id: string): boolean {
    return Number(this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id).changes) > 0;
  }
}
