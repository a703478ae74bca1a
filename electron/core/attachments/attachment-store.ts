// Attachment bytes in `<dataDir>/attachments/<id>.<ext>` (written atomically: a temp file
// renamed into place) and one row each in the `attachments` table, which says whether a
// message owns it. Pending ones (attached, not sent) are removed a day later.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { AttachmentMime, AttachmentRef } from '../../../shared/domain';
import { AppError, notFound } from '../errors';

export const ATTACHMENTS_DIR = 'attachments';
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

const EXT: Record<AttachmentMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'application/pdf': 'pdf' };
/** Ids become file names: only these characters, so no id can name a path outside the folder. */
export const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

type Row = { id: string; message_id: string | null; kind: string; mime: string; name: string; bytes: number; width: number | null; height: number | null; created_at: number };

const toRef = (r: Row): AttachmentRef => ({
  id: r.id,
  kind: r.kind as AttachmentRef['kind'],
  mime: r.mime as AttachmentMime,
  name: r.name,
  bytes: Number(r.bytes),
  ...(r.width ? { width: Number(r.width) } : {}),
  ...(r.height ? { height: Number(r.height) } : {}),
});

export const fileNameOf = (ref: Pick<AttachmentRef, 'id' | 'mime'>) => {
  if (!SAFE_ID.test(ref.id)) throw new AppError('invalid_attachment', 'That attachment id is not valid.');
  return `${ref.id}.${EXT[ref.mime]}`;
};

export class AttachmentStore {
  readonly dir: string;

  constructor(private readonly db: DatabaseSync, dataDir: string) {
    this.dir = path.join(dataDir, ATTACHMENTS_DIR);
  }

  pathOf(ref: Pick<AttachmentRef, 'id' | 'mime'>): string {
    return path.join(this.dir, fileNameOf(ref));
  }

  /** Writes the bytes, then the row (a pending attachment unless messageId is given). */
  async save(meta: Omit<AttachmentRef, 'id'> & { id?: string }, bytes: Uint8Array, messageId: string | null = null, now = Date.now()): Promise<AttachmentRef> {
    const ref: AttachmentRef = { ...meta, id: meta.id ?? randomUUID() };
    const file = await this.writeFile(ref, bytes);
    try {
      this.insertRow(ref, messageId, now);
    } catch (err) {
      await fs.promises.rm(file, { force: true });
      throw err;
    }
    return ref;
  }

  /** The bytes into place atomically: a temp file, flushed, renamed over the final name. */
  async writeFile(ref: Pick<AttachmentRef, 'id' | 'mime'>, bytes: Uint8Array): Promise<string> {
    const file = this.pathOf(ref);
    await fs.promises.mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${randomUUID()}.tmp`;
    try {
      await fs.promises.writeFile(tmp, bytes, { flush: true });
      await fs.promises.rename(tmp, file);
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw new AppError('write_failed', `The attachment could not be saved in the data folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
    return file;
  }

  /** The row alone (synchronous, so it can join a transaction); replaces a row of the same id. */
  insertRow(ref: AttachmentRef, messageId: string | null, now = Date.now()): void {
    this.db
      .prepare('INSERT OR REPLACE INTO attachments (id, message_id, kind, mime, name, bytes, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(ref.id, messageId, ref.kind, ref.mime, ref.name, ref.bytes, ref.width ?? null, ref.height ?? null, now);
  }

  /** The conversation of the message that owns an attachment, or null (pending, orphaned or unknown). */
  ownerConversation(id: string): string | null {
    const r = this.db.prepare('SELECT m.conversation_id AS c FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = ?').get(id) as { c: string } | undefined;
    return r?.c ?? null;
  }

  get(id: string): (AttachmentRef & { messageId: string | null; createdAt: number }) | null {
    const r = this.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as Row | undefined;
    return r ? { ...toRef(r), messageId: r.message_id, createdAt: Number(r.created_at) } : null;
  }

  read(ref: Pick<AttachmentRef, 'id' | 'mime'>): Buffer {
    try {
      return fs.readFileSync(this.pathOf(ref));
    } catch {
      throw new AppError('attachment_missing', 'The attached file is no longer in the data folder.');
    }
  }

  exists(ref: Pick<AttachmentRef, 'id' | 'mime'>): boolean {
    return fs.existsSync(this.pathOf(ref));
  }

  /** The pending attachments a send names, in order; refuses unknown, repeated or already-sent ones. */
  pending(ids: string[]): AttachmentRef[] {
    if (new Set(ids).size !== ids.length) throw new AppError('invalid_attachment', 'The same attachment is listed twice.');
    return ids.map((id) => {
      const a = this.get(id);
      if (!a) throw new AppError('attachment_missing', 'An attachment of this message was removed before it was sent. Attach the file again.');
      if (a.messageId) throw new AppError('invalid_attachment', `${a.name} was already sent with another message. Attach it again to send it once more.`);
      const { messageId: _m, createdAt: _c, ...ref } = a;
      return ref;
    });
  }

  /** Gives pending attachments to a message (inside the caller's transaction). */
  link(ids: string[], messageId: string): void {
    const stmt = this.db.prepare('UPDATE attachments SET message_id = ? WHERE id = ? AND message_id IS NULL');
    for (const id of ids) {
      if (Number(stmt.run(messageId, id).changes) !== 1) throw new AppError('invalid_attachment', 'An attachment was sent or removed meanwhile. Attach the file again.');
    }
  }

  /** Removes a pending attachment; one that belongs to a message stays with it. */
  remove(id: string): void {
    const a = this.get(id);
    if (!a) throw notFound('Attachment');
    if (a.messageId) throw new AppError('attachment_sent', 'That attachment was sent with a message; delete the message to remove it.');
    this.db.prepare('DELETE FROM attachments WHERE id = ?').run(id);
    fs.rmSync(this.pathOf(a), { force: true });
  }

  /**
   * At startup: pending attachments older than a day, those whose message was deleted, and
   * files no row knows (a crash between the write and the insert) go.
   */
  cleanup(now = Date.now()): number {
    const cutoff = now - PENDING_TTL_MS;
    const stale = this.db.prepare('SELECT * FROM attachments WHERE message_id IS NULL AND created_at < ?').all(cutoff) as Row[];
    this.db.prepare('DELETE FROM attachments WHERE message_id IS NULL AND created_at < ?').run(cutoff);
    for (const r of stale) fs.rmSync(this.pathOf(toRef(r)), { force: true });
    let removed = stale.length;
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return removed;
    }
    const known = this.db.prepare('SELECT 1 FROM attachments WHERE id = ?');
    for (const name of names) {
      const full = path.join(this.dir, name);
      const id = name.split('.')[0]!;
      if (known.get(id)) continue;
      try {
        if (fs.statSync(full).mtimeMs < cutoff) {
          fs.rmSync(full, { force: true });
          removed++;
        }
      } catch {
        /* gone already */
      }
    }
    return removed;
  }
}
