// Writes generated history straight into a fresh data folder through the core's own
// repositories (same schema, migrations and FTS triggers as the app), before any host starts.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Message } from '../../shared/domain';
import { DB_FILE } from '../../electron/core/app';
import { ConversationRepo } from '../../electron/core/history/conversations';
import { openDatabase } from '../../electron/core/history/database';
import { MessageRepo } from '../../electron/core/history/messages';
import { ProvidersRepo } from '../../electron/core/history/providers-repo';
import { SettingsRepo } from '../../electron/core/history/settings-repo';
import { assistantText, reasoningText, rng, userText, type Rng } from './corpus';

export const BENCH_PROVIDER = 'bench-emulator';
export const BENCH_MODEL = 'gpt-4o-mini';

export interface SeededConversation {
  id: string;
  title: string;
  messages: number;
  /** Text only the newest message holds (the probe waits for it to be painted). */
  newestMarker: string;
}

export interface AppSeed {
  stream: SeededConversation;
  long: SeededConversation;
  others: SeededConversation[];
  totalMessages: number;
}

function message(r: Rng, conversationId: string, seq: number, role: 'user' | 'assistant', at: number, thinkingShare: number): Message {
  const assistant = role === 'assistant';
  // Built field by field (not spread from a schema default) so a new column is a type error here.
  return {
    id: randomUUID(),
    conversationId,
    seq,
    role,
    content: assistant ? assistantText(r) : userText(r),
    reasoning: assistant && r() < thinkingShare ? reasoningText(r) : null,
    status: 'complete',
    providerId: assistant ? BENCH_PROVIDER : null,
    modelRequested: assistant ? BENCH_MODEL : null,
    modelServed: assistant ? BENCH_MODEL : null,
    privacy: null,
    error: null,
    usage: assistant ? { promptTokens: 200 + seq, completionTokens: 150, cachedTokens: null, reasoningTokens: null, estimated: false } : null,
    cost: null,
    pricing: null,
    timings: assistant ? { startedAt: at, firstTokenAt: at + 400, reasoningStartedAt: null, contentStartedAt: at + 400, finishedAt: at + 3000 } : null,
    fallback: null,
    verification: null,
    attachments: [],
    createdAt: at,
    };
}

/** One conversation of `count` alternating user/assistant messages, newest last, in one transaction. */
function conversation(repos: { conversations: ConversationRepo; messages: MessageRepo }, r: Rng, title: string, count: number, updatedAt: number, thinkingShare = 0.15): SeededConversation {
  const start = updatedAt - count * 60_000;
  const c = repos.conversations.create({ title, providerId: BENCH_PROVIDER, modelId: BENCH_MODEL, createdAt: start, updatedAt });
  const marker = `newest${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const BATCH = 5000;
  for (let from = 0; from < count; from += BATCH) {
    repos.messages.atomically(() => {
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        const m = message(r, c.id, i + 1, i % 2 === 0 ? 'user' : 'assistant', start + i * 60_000, thinkingShare);
        if (i === count - 1) m.content = `${m.content}\n\nClosing note ${marker}.`;
        repos.messages.insert(m);
      }
    });
  }
  return { id: c.id, title, messages: count, newestMarker: marker };
}

/**
 * The browser-mode data folder: a provider pointing at the emulator, the streaming target
 * (`streamMessages` long), the long conversation (`longMessages`), and a sidebar of ordinary
 * chats. The app opens on the streaming target, the last conversation the "user" had open.
 */
export function seedApp(dataDir: string, opts: { baseUrl: string; streamMessages: number; longMessages: number; others: number }): AppSeed {
  const { db, closeCleanly } = openDatabase(path.join(dataDir, DB_FILE));
  try {
    const conversations = new ConversationRepo(db);
    const messages = new MessageRepo(db);
    new ProvidersRepo(db).upsert({ id: BENCH_PROVIDER, kind: 'openai', name: 'Bench emulator', baseUrl: opts.baseUrl, defaultModel: BENCH_MODEL, builtIn: false, options: {} });
    const r = rng(7);
    const now = Date.now();
    const others: SeededConversation[] = [];
    for (let i = 0; i < opts.others; i++) others.push(conversation({ conversations, messages }, r, `Chat ${i + 1}: ${['lisbon trip', 'sql index', 'rust lifetimes', 'sourdough', 'k8s ingress'][i % 5]}`, 6 + Math.floor(r() * 40), now - (i + 3) * 3_600_000));
    const long = conversation({ conversations, messages }, r, 'Long conversation', opts.longMessages, now - 3_600_000);
    const stream = conversation({ conversations, messages }, r, 'Streaming target', opts.streamMessages, now - 60_000);
    new SettingsRepo(db).set({ lastConversationId: stream.id });
    return { stream, long, others, totalMessages: opts.streamMessages + opts.longMessages + others.reduce((s, c) => s + c.messages, 0) };
  } finally {
    // As the app quits: the next open need not check every page.
    closeCleanly();
  }
}

/** The search data folder: `total` messages in conversations of 500. */
export function seedSearch(dataDir: string, total: number): { conversations: number; messages: number } {
  const { db, closeCleanly } = openDatabase(path.join(dataDir, DB_FILE));
  try {
    const conversations = new ConversationRepo(db);
    const messages = new MessageRepo(db);
    const r = rng(11);
    const now = Date.now();
    let n = 0;
    let convs = 0;
    while (n < total) {
      const count = Math.min(500, total - n);
      conversation({ conversations, messages }, r, `Search corpus ${++convs}`, count, now - convs * 86_400_000);
      n += count;
    }
    return { conversations: convs, messages: n };
  } finally {
    // As the app quits: the next open need not check every page.
    closeCleanly();
  }
}
