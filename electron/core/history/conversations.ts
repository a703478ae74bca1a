import type { DatabaseSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import type { Conversation, ThinkingSetting } from '../../../shared/domain';
import { fromJson } from './json-columns';

type Row = Record<string, unknown>;
const DEFAULT_THINKING: ThinkingSetting = { enabled: false, effort: 'medium' };
/** How long a deleted conversation can be restored: it is purged at the first startup or delete after this. */
export const TRASH_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

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

  /** Live conversations, pinned first, then by last activity. Trashed ones are hidden. */
  list(): Conversation[] {
    return (this.db.prepare('SELECT * FROM conversations WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC').all() as Row[]).map(toConversation);
  }

  /** A live conversation; a trashed one reads as absent (it cannot be opened, edited or sent to). */
  get(id: string): Conversation | null {
    const r = this.db.prepare('SELECT * FROM conversations WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
    return r ? toConversation(r) : null;
  }

  /** Whether an id is taken, and by what: importers must not collide with either. */
  state(id: string): 'live' | 'trashed' | null {
    const r = this.db.prepare('SELECT deleted_at FROM conversations WHERE id = ?').get(id) as { deleted_at: number | null } | undefined;
    if (!r) return null;
    return r.deleted_at === null ? 'live' : 'trashed';
  }

  /** Trashed conversations, most recently deleted first (for an undo toast or a trash view). */
  listTrash(): (Conversation & { deletedAt: number })[] {
    return (this.db.prepare('SELECT * FROM conversations WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC').all() as Row[]).map((r) => ({
      ...toConversation(r),
      deletedAt: Number(r.deleted_at),
    }));
  }

  /** Moves a live conversation to the trash; its messages stay until it is purged. */
  trash(id: string, now = Date.now()): boolean {
    return Number(this.db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, id).changes) > 0;
  }

  /** Brings a trashed conversation back, exactly as it was (its last-activity time is kept). */
  restore(id: string): Conversation | null {
    const changed = Number(this.db.prepare('UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes);
    return changed > 0 ? this.get(id) : null;
  }

  /** Deletes for real (messages cascade) what has been in the trash since before `olderThan`. */
  purgeTrash(olderThan = Date.now() - TRASH_GRACE_MS): number {
    return Number(this.db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(olderThan).changes);
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

  /** Deletes for real, live or trashed, with its messages (no undo). */
  delete(id: string): boolean {
    return Number(this.db.prepare('DELETE FROM conversations WHERE id = ?').run(id).changes) > 0;
  }
}
