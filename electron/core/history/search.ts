import type { DatabaseSync, StatementSync } from 'node:sqlite';
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

/**
 * Relevance is ranked among the newest this-many matching messages. Ranking every match
 * costs time in proportion to their number (a common word matches a fifth of a 100,000
 * message history: ~40 ms); the newest 200 keep a search under 10 ms at any size, and
 * in a chat history the recent mentions are the ones people look for.
 */
export const RANK_WINDOW = 200;

const prepared = new WeakMap<DatabaseSync, { edge: StatementSync; hits: StatementSync }>();

/** Prepared once per database: preparing an FTS query costs about as much as a small search. */
function statements(db: DatabaseSync) {
  let s = prepared.get(db);
  if (!s) {
    s = {
      edge: db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?'),
      hits: db.prepare(
        `SELECT m.id AS message_id, m.conversation_id, m.role, m.created_at, c.title,
                snippet(messages_fts, 0, char(1), char(2), '…', 12) AS snippet
         FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid
         JOIN conversations c ON c.id = m.conversation_id
         WHERE messages_fts MATCH ? AND messages_fts.rowid >= ? AND c.deleted_at IS NULL ORDER BY bm25(messages_fts) LIMIT ?`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

export function searchMessages(db: DatabaseSync, query: string, limit: number): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  // rowids grow with insertion, so the N-th newest match bounds the window (0: fewer matches).
  const { edge: edgeStmt, hits } = statements(db);
  const edge = edgeStmt.get(fts, RANK_WINDOW - 1) as { rowid: number } | undefined;
  const rows = hits.all(fts, edge?.rowid ?? 0, limit) as Record<string, unknown>[];
  return rows.map((r) => ({
    conversationId: String(r.conversation_id),
    conversationTitle: String(r.title),
    messageId: String(r.message_id),
    role: String(r.role),
    snippet: String(r.snippet),
    createdAt: Number(r.created_at),
  }));
}
