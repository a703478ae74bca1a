import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SearchHit } from '../../../shared/api';
import { makeSnippet, tokensOf, type QueryPart } from './snippet';

type Parsed = { text: string; phrase: boolean }[];

/** What a person typed, as words and "quoted phrases". */
function parse(input: string): Parsed {
  const parts: Parsed = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  // Control characters (a NUL ends FTS5's string early; \u0001/\u0002 are our snippet markers) are spaces.
  const clean = input.replace(/[\u0000-\u001f\u007f]/g, ' ');
  while ((m = re.exec(clean)) !== null) {
    const phrase = m[1] !== undefined;
    const text = ((phrase ? m[1] : m[2]) ?? '').replace(/"/g, '').trim();
    if (text) parts.push({ text, phrase });
  }
  return parts;
}

/**
 * Turns what a person typed into a safe FTS5 query: every word is quoted (so
 * operators and punctuation are plain text), "quoted phrases" stay phrases, and every
 * other word is a prefix match (so results appear while typing); all must match.
 */
export function toFtsQuery(input: string): string | null {
  const parts = parse(input);
  return parts.length === 0 ? null : ftsOf(parts);
}

const ftsOf = (parts: Parsed) => parts.map((p) => `"${p.text}"${p.phrase ? '' : '*'}`).join(' ');
const partsOf = (parts: Parsed): QueryPart[] => parts.map((p) => ({ tokens: tokensOf(p.text), prefix: !p.phrase }));

/** The same search, for marking matches in a snippet. */
export const queryParts = (input: string): QueryPart[] => partsOf(parse(input));

/**
 * Relevance is ranked among the newest this-many matching messages. Ranking every match
 * costs time in proportion to their number (a common word matches a fifth of a 100,000
 * message history: ~40 ms); the newest 200 keep a search under 10 ms at any size, and
 * in a chat history the recent mentions are the ones people look for.
 */
export const RANK_WINDOW = 200;

const prepared = new WeakMap<DatabaseSync, { newest: StatementSync; hit: StatementSync }>();

/** Prepared once per database: preparing an FTS query costs about as much as a small search. */
function statements(db: DatabaseSync) {
  let s = prepared.get(db);
  if (!s) {
    s = {
      // FTS5 walks the matches newest first and stops at the window: one pass, scored as it goes.
      newest: db.prepare('SELECT rowid, bm25(messages_fts) AS score FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?'),
      // Read for the hits shown only (long texts are not carried through the ranking).
      hit: db.prepare(
        `SELECT m.id, m.conversation_id, m.role, m.created_at, m.content, c.title
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.rowid = ? AND c.deleted_at IS NULL`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

interface HitRow {
  id: string;
  conversation_id: string;
  role: string;
  created_at: number;
  content: string;
  title: string;
}

export function searchMessages(db: DatabaseSync, query: string, limit: number): SearchHit[] {
  const parsed = parse(query);
  if (parsed.length === 0) return [];
  const { newest, hit } = statements(db);
  const ranked = newest.all(ftsOf(parsed), RANK_WINDOW) as { rowid: number; score: number }[];
  // bm25: lower is better; equal scores go newest first.
  ranked.sort((a, b) => a.score - b.score || b.rowid - a.rowid);
  const parts = partsOf(parsed);
  const hits: SearchHit[] = [];
  for (const { rowid } of ranked) {
    if (hits.length >= limit) break;
    const r = hit.get(rowid) as HitRow | undefined; // undefined: its conversation is in the trash
    if (!r) continue;
    hits.push({
      conversationId: r.conversation_id,
      conversationTitle: r.title,
      messageId: r.id,
      role: r.role,
      snippet: makeSnippet(r.content, parts),
      createdAt: Number(r.created_at),
    });
  }
  return hits;
}
