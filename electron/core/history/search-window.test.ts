// Search ranks by relevance among the newest RANK_WINDOW matches, so a common word costs the
// same at any history size; a word with fewer matches is ranked over all of them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain';
import { ConversationRepo } from './conversations';
import { openDatabase } from './database';
import { MessageRepo } from './messages';
import { RANK_WINDOW, searchMessages } from './search';
import { useTempDir } from '../test-support/temp-dir';

const tempDir = useTempDir();

describe('search rank window', () => {
  it('ranks the newest matches of a common word; rarer words are found however old', () => {
    const { db } = openDatabase(path.join(tempDir(), 'h.sqlite'));
    const c = new ConversationRepo(db).create({ title: 'Fruit' });
    const repo = new MessageRepo(db);
    const total = RANK_WINDOW + 100;
    repo.atomically(() => {
      for (let seq = 1; seq <= total; seq++) {
        // The oldest 100 say "apple" three times (the most relevant), the rest once.
        const content = seq <= 100 ? `apple apple apple ${seq === 1 ? 'quince' : ''}` : `an apple a day, number ${seq}`;
        repo.insert({
          id: `m${seq}`, conversationId: c.id, seq, role: 'user', content, reasoning: null, status: 'complete', providerId: null,
          modelRequested: null, modelServed: null, privacy: null, error: null, usage: null, cost: null, pricing: null,
          timings: null, fallback: null, verification: null, attachments: [], createdAt: seq,
        } as Message);
      }
    });
    const hits = searchMessages(db, 'apple', 50);
    expect(hits).toHaveLength(50);
    const seqs = hits.map((h) => Number(h.messageId.slice(1)));
    expect(Math.min(...seqs)).toBeGreaterThan(total - RANK_WINDOW);
    expect(searchMessages(db, 'quince', 5).map((h) => h.messageId)).toEqual(['m1']);
    // With fewer matches than the window, the most relevant (oldest here) rank first.
    db.exec(`DELETE FROM messages WHERE CAST(substr(id, 2) AS INTEGER) > 150`);
    expect(Number(searchMessages(db, 'apple', 1)[0]!.messageId.slice(1))).toBeLessThanOrEqual(100);
  });
});
