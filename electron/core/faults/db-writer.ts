// A child process for db-kill.test.ts: writes to a real history database through the app's
// own repositories, as fast as it can, and reports each write on stdout only after it was
// committed. The test SIGKILLs it at random moments and checks what survived.
//
// Usage: node db-writer.mjs <db file> <round>
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import type { Message } from '../../../shared/domain';
import { ConversationRepo } from '../history/conversations';
import { openDatabase } from '../history/database';
import { MessageRepo } from '../history/messages';
import { contentOf } from './versioned-content';

const [file, round] = process.argv.slice(2) as [string, string];
const { db, recoveredFrom } = openDatabase(file);
if (recoveredFrom) throw new Error(`the database was set aside as damaged: ${recoveredFrom}`);
const conversations = new ConversationRepo(db);
const messages = new MessageRepo(db);
const conv = conversations.create({ title: `round ${round}` });

const report = (line: string) => writeSync(1, `${line}\n`);
const message = (seq: number, role: Message['role']): Message => ({
  id: randomUUID(), conversationId: conv.id, seq, role, content: '', reasoning: null, status: 'streaming',
  providerId: null, modelRequested: null, modelServed: null, privacy: null, error: null, usage: null,
  cost: null, pricing: null, timings: null, fallback: null, verification: null, attachments: [], createdAt: Date.now(),
});

report(`READY ${conv.id}`);
for (let seq = 1; ; seq += 2) {
  // A user message and a reply inserted together, as chat.send does.
  const user = { ...message(seq, 'user'), content: contentOf('u', seq), status: 'complete' as const };
  const reply = message(seq + 1, 'assistant');
  messages.atomically(() => {
    messages.insert(user);
    messages.insert({ ...reply, content: contentOf(reply.id, 0) });
  });
  report(`C ${user.id} ${seq}`);
  report(`V ${reply.id} 0`);
  // The reply grows the way a stream is persisted: many small updates.
  for (let v = 1; v <= 8; v++) {
    messages.update(reply.id, { content: contentOf(reply.id, v), status: v === 8 ? 'complete' : 'streaming' });
    report(`V ${reply.id} ${v}`);
  }
  conversations.update(conv.id, { title: `round ${round} at ${seq}` });
}
