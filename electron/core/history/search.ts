import type { DatabaseSync } from 'node:sqlite';
import type { SearchHit } from '../../../shared/api';

/**
 * Turns what a person typed into a safe FTS5 query: every word is quoted (so
 * operators and punctuation are plain text), "quoted phrases" stay phrases, and every
 * other word is a prefix match (so results appear while typing); all must match.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  // Control characters (a NUL ends FTS5's string early; \u0001/\u0002 are our snippet markers) are spaces.
  const clean = input.replace(/[\u0000-\u001f\u007f]/g, ' ');
  while ((m = re.exec(clean)) !== null) {
    const phrase = m[1] !== undefined;
    const raw = (phrase ? m[1] : m[2]) ?? '';
    const text = raw.replace(/"/g, '').trim();
    if (!text) continue;
    parts.push(`"${text}"${phrase ? '' : '*'}`);
  }
  if (parts.length === 0) return null;
  return parts.join(' ');
}

export function searchMessages(db: DatabaseSync, query: string, limit: number): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const rows = db
    .prepare(
      `SELECT m.id AS message_id, m.conversation_id, m.role, m.created_at, c.title,
              snippet(messages_fts, 0, char(1), char(2), '…', 12) AS snippet
       FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid
       JOIN conversations c ON c.id = m.conversation_id
       WHERE messages_fts MATCH ? AND c.deleted_at IS NULL ORDER BY bm25(messages_fts) LIMIT ?`,
    )
    .all(fts, limit) as Record<string, unknown>[];
  return rows.map((r) => ({
    conversationId: String(r.conversation_id),
    conversationTitle: String(r.title),
    messageId: String(r.message_id),
    role: String(r.role),
    snippet: String(r.snippet),
    createdAt: Number(r.created_at),
  }));
}
