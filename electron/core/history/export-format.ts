// The `parley-export` JSON file: what an export writes and an import accepts. Version 1
// is exactly the shared Conversation and Message records, so a round trip is lossless;
// a change to those records that an old file cannot satisfy needs a new version here.
// Version 2 adds attachments: each message's list, every file embedded as base64 (its
// bytes are checked again on import). A version-1 file reads as messages without any.
import { z } from 'zod';
import { AttachmentRef, Conversation, MAX_ATTACHMENTS_PER_MESSAGE, Message } from '../../../shared/domain';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/attachments';
import { SAFE_ID } from '../attachments/attachment-store';

export const EXPORT_FORMAT = 'parley-export';
export const EXPORT_VERSION = 2;
/** Versions this app imports. */
export const IMPORT_VERSIONS = [1, 2] as const;

/** Limits that keep a hostile file from using the import to fill memory or the disk. */
const MAX_TEXT = 20_000_000;
const MAX_MESSAGES = 100_000;
const MAX_CONVERSATIONS = 100_000;

/** An attachment with its bytes; its id becomes a file name, so only safe characters. */
export const ExportedAttachment = AttachmentRef.extend({
  id: z.string().regex(SAFE_ID, 'an attachment id may hold only letters, digits and dashes (64 at most)'),
  dataBase64: z.string().min(1).max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'an attachment is too large'),
}).strict();
export type ExportedAttachment = z.infer<typeof ExportedAttachment>;

export const ExportedMessage = Message.extend({
  attachments: z.array(ExportedAttachment).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
  content: z.string().max(MAX_TEXT, `Message text is too long (${MAX_TEXT.toLocaleString('en-US')} characters at most)`),
  reasoning: z.string().max(MAX_TEXT, `Thinking text is too long (${MAX_TEXT.toLocaleString('en-US')} characters at most)`).nullable(),
}).strict();
export type ExportedMessage = z.infer<typeof ExportedMessage>;

export const ExportedConversation = Conversation.extend({
  messages: z.array(ExportedMessage).max(MAX_MESSAGES),
})
  .strict()
  .superRefine((c, ctx) => {
    const seqs = new Set<number>();
    c.messages.forEach((m, i) => {
      if (m.conversationId !== c.id) {
        ctx.addIssue({ code: 'custom', path: ['messages', i, 'conversationId'], message: `belongs to conversation ${m.conversationId}, not to ${c.id} that holds it` });
      }
      if (seqs.has(m.seq)) ctx.addIssue({ code: 'custom', path: ['messages', i, 'seq'], message: `position ${m.seq} is used twice in this conversation` });
      seqs.add(m.seq);
    });
  });
export type ExportedConversation = z.infer<typeof ExportedConversation>;

export const ParleyExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.union([z.literal(1), z.literal(2)]),
    exportedAt: z.number(),
    conversations: z.array(ExportedConversation).max(MAX_CONVERSATIONS),
  })
  .strict()
  .superRefine((f, ctx) => {
    const conversations = new Set<string>();
    const messages = new Set<string>();
    const attachments = new Set<string>();
    f.conversations.forEach((c, i) => {
      if (conversations.has(c.id)) ctx.addIssue({ code: 'custom', path: ['conversations', i, 'id'], message: `conversation ${c.id} appears twice` });
      conversations.add(c.id);
      c.messages.forEach((m, j) => {
        if (messages.has(m.id)) ctx.addIssue({ code: 'custom', path: ['conversations', i, 'messages', j, 'id'], message: `message ${m.id} appears twice` });
        messages.add(m.id);
        m.attachments.forEach((a, k) => {
          if (attachments.has(a.id)) ctx.addIssue({ code: 'custom', path: ['conversations', i, 'messages', j, 'attachments', k, 'id'], message: `attachment ${a.id} appears twice` });
          attachments.add(a.id);
        });
        if (f.version === 1 && m.attachments.length > 0) ctx.addIssue({ code: 'custom', path: ['conversations', i, 'messages', j, 'attachments'], message: 'a version-1 file has no attachments' });
      });
    });
  });
export type ParleyExport = z.infer<typeof ParleyExportSchema>;
