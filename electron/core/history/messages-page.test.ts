// messages.list pages: a long conversation opens on its newest messages and loads older
// pages on demand; without paging arguments it still returns everything.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain';
import { DB_FILE } from '../app';
import { ConversationRepo } from './conversations';
import { openDatabase } from './database';
import { MessageRepo } from './messages';
import { useCores } from './test-core';

const { start, tempDir } = useCores();

function seed(dataDir: string, count: number): string {
  const { db } = openDatabase(path.join(dataDir, DB_FILE));
  const c = new ConversationRepo(db).create({ title: 'Long' });
  const repo = new MessageRepo(db);
  repo.atomically(() => {
    for (let seq = 1; seq <= count; seq++) {
      repo.insert({
        id: `m${seq}`, conversationId: c.id, seq, role: seq % 2 ? 'user' : 'assistant', content: `message ${seq}`, reasoning: null,
        status: 'complete', providerId: null, modelRequested: null, modelServed: null, privacy: null, error: null, usage: null,
        cost: null, pricing: null, timings: null, fallback: null, verification: null, attachments: [], createdAt: seq,
      } as Message);
    }
  });
  db.close();
  return c.id;
}

describe('messages.list paging', () => {
  it('returns the newest page, then older pages before a seq, oldest first; everything without arguments', async () => {
    const dir = tempDir();
    const conversationId = seed(dir, 250);
    const s = await start(dir);
    const seqs = (ms: Message[]) => ms.map((m) => m.seq);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

    const newest = await s.call<Message[]>('messages.list', { conversationId, limit: 100 });
    expect(seqs(newest)).toEqual(range(151, 250));
    const older = await s.call<Message[]>('messages.list', { conversationId, limit: 100, beforeSeq: newest[0]!.seq });
    expect(seqs(older)).toEqual(range(51, 150));
    const oldest = await s.call<Message[]>('messages.list', { conversationId, limit: 100, beforeSeq: older[0]!.seq });
    expect(seqs(oldest)).toEqual(range(1, 50)); // fewer than asked: nothing older
    expect(await s.call<Message[]>('messages.list', { conversationId, limit: 100, beforeSeq: 1 })).toEqual([]);
    expect(seqs(await s.call<Message[]>('messages.list', { conversationId, beforeSeq: 4 }))).toEqual([1, 2, 3]);
    expect(seqs(await s.call<Message[]>('messages.list', { conversationId }))).toEqual(range(1, 250));
  });

  it('refuses a limit outside 1–1000 or a fractional seq', async () => {
    const dir = tempDir();
    const conversationId = seed(dir, 3);
    const s = await start(dir);
    for (const bad of [{ limit: 0 }, { limit: 1001 }, { limit: 2.5 }, { beforeSeq: 1.5 }, { limit: '10' }]) {
      await expect(s.call('messages.list', { conversationId, ...bad }), JSON.stringify(bad)).rejects.toThrow(/invalid|expected|too|number|integer/i);
    }
  });
});
