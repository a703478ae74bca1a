// A database that stops accepting writes mid-stream: the user is told (app.alert), the
// reply goes on from memory to the end, and what it has is saved once writes work again.
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api';
import type { Message } from '../../../shared/domain';
import { DB_FILE } from '../app';
import { startSseServer, streamWords } from '../test-support/sse-server';
import { useCores } from './test-core';

const { start, withProvider, cleanups } = useCores();

describe('a write failure during a stream', () => {
  it('alerts the user, completes the reply in memory, and saves it when the database is writable again', { timeout: 30_000 }, async () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i} `);
    const server = await startSseServer((_req, res) => streamWords(res, words, { delayMs: 20 }));
    cleanups.push(server.close);
    // The failing write blocks the process for SQLite's busy timeout (5 s): longer than the tests' usual idle timeout.
    const s = await start(undefined, { idleMs: 30_000 });
    const { conversationId } = await withProvider(s, server.baseUrl);

    // Another process holding the write lock (like a backup tool or a second app instance):
    // the app's writes wait out SQLite's busy timeout and then fail with "database is locked".
    const other = new DatabaseSync(path.join(s.dataDir, DB_FILE));
    cleanups.push(async () => other.close());
    const alerts: EventPayload<'app.alert'>[] = [];
    let textBeforeLock = '';
    s.core.events.subscribe((name, payload) => {
      if (name === 'chat.stream' && !textBeforeLock) {
        textBeforeLock = (payload as EventPayload<'chat.stream'>).frames.map((f) => (f.type === 'content' ? f.text : '')).join('');
        if (textBeforeLock) other.exec('BEGIN EXCLUSIVE');
      }
      if (name === 'app.alert') {
        alerts.push(payload as EventPayload<'app.alert'>);
        // The user frees the file; the next write (the final one) goes through.
        if (other.isTransaction) other.exec('COMMIT');
      }
    });

    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId, text: 'count to forty' });
    const final = await s.finished(sent.assistant.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toEqual({ level: 'error', message: expect.stringMatching(/^Could not save to the history database \(database is locked\)\. What is on screen is kept in memory\./) });
    expect(textBeforeLock.length).toBeGreaterThan(0);
    expect(final).toMatchObject({ status: 'complete', content: words.join('') });
    const stored = (await s.call<Message[]>('messages.list', { conversationId }))[1]!;
    expect(stored).toMatchObject({ status: 'complete', content: words.join('') });
  });
});
