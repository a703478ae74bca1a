import { z } from 'zod';
import { Conversation, Message } from '../domain';
import { call, id } from './common';

export const SearchHit = z.object({
  conversationId: id,
  conversationTitle: z.string(),
  messageId: id,
  role: z.string(),
  /** Snippet with matches wrapped in \u0001 … \u0002 markers (rendered as <mark>). */
  snippet: z.string(),
  createdAt: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** A file for the UI to save (browser download or a save dialog); core never writes it itself. */
export const ExportFile = z.object({
  /** A suggested file name, safe on every OS, e.g. `parley-trip-to-lisbon-2025-01-31.md`. */
  filename: z.string(),
  mimeType: z.enum(['text/markdown', 'application/json']),
  content: z.string(),
  /** Markdown only: the attachment files it links to, to save beside it (`path` is `attachments/<id>.<ext>`). */
  attachments: z.array(z.object({ path: z.string(), mimeType: z.string(), dataBase64: z.string() })).optional(),
});
export type ExportFile = z.infer<typeof ExportFile>;

/** 100 MB: larger than any plausible history; browser mode's transport caps a message at 48 MiB. */
export const MAX_IMPORT_CHARS = 100_000_000;

const messageText = z
  .string()
  .trim()
  .min(1, 'Message is empty')
  .max(1_000_000, 'Message is too long (1,000,000 characters at most)');

export const historyCalls = {
  /** Full-text search over live conversations (trashed ones are excluded). */
  'history.search': call(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.array(SearchHit),
  ),
  'history.exportConversation': call(
    z.object({ id, format: z.enum(['markdown', 'json']), includeThinking: z.boolean().default(false) }).strict(),
    ExportFile,
  ),
  /** Every live conversation in one `parley-export` JSON file. */
  'history.exportAll': call(z.object({ includeThinking: z.boolean().default(false) }).strict(), ExportFile),
  /**
   * Imports a `parley-export` JSON file in one transaction: malformed → a clear error and
   * nothing changes. Conversations whose id already exists are skipped (a trashed one is replaced).
   */
  'history.import': call(
    z.object({ content: z.string().max(MAX_IMPORT_CHARS, 'The import file is too large (100 MB at most)') }).strict(),
    z.object({ conversations: z.number().int(), messages: z.number().int(), skipped: z.number().int() }),
  ),
  /**
   * Replaces the last answer of its conversation with a new one (same history), optionally
   * from another provider/model, which then becomes the conversation's model.
   */
  'chat.regenerate': call(
    z
      .object({
        messageId: id,
        providerId: z.string().min(1).max(200).optional(),
        modelId: z.string().min(1).max(300).optional(),
        /** Past the conversation's budget: the user confirmed (see chat.send). */
        sendAnyway: z.boolean().optional(),
      })
      .strict(),
    z.object({ assistant: Message, removedIds: z.array(id), conversation: Conversation }),
  ),
  /** Edits a user message and resends it: later messages are removed, a new answer streams. */
  'chat.edit': call(
    z.object({ messageId: id, text: messageText, sendAnyway: z.boolean().optional() }).strict(),
    z.object({ user: Message, assistant: Message, removedIds: z.array(id) }),
  ),
};

export const historyEvents = {};
