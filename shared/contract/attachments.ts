// Calls of the attachments domain: a file the user attaches is checked and stored by main
// (type by content, size by the conversation's provider), then sent with chat.send by id.
import { z } from 'zod';
import { AttachmentMime, AttachmentRef } from '../domain';
import { call, id, Ok } from './common';

export { AttachmentRef } from '../domain';

/** The largest file any provider takes (PDFs, 32 MB), as base64 (4 characters per 3 bytes). */
export const MAX_ATTACHMENT_BYTES = 32 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

export const attachmentsCalls = {
  /**
   * Checks a file and stores it as a pending attachment (sent with the next chat.send that
   * names it; unused ones are removed a day later). Refused with a sentence when the bytes
   * are not a PNG, JPEG, GIF, WebP or PDF (whatever the name says) or are over the limit of
   * the conversation's provider.
   */
  'attachments.add': call(
    z
      .object({
        /** The conversation it is for: its provider decides the size limit. */
        conversationId: id.optional(),
        name: z.string().trim().min(1, 'The file has no name').max(255, 'The file name is too long (255 characters at most)'),
        dataBase64: z
          .string()
          .min(1, 'The file is empty')
          .max(MAX_BASE64, `That file is too large (${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB at most)`),
        /** What the browser said the type is; only a hint, the bytes decide. */
        declaredMime: z.string().max(200).optional(),
      })
      .strict(),
    AttachmentRef,
  ),
  /** The stored bytes (thumbnails, previews). */
  'attachments.get': call(z.object({ id }).strict(), z.object({ id, mime: AttachmentMime, dataBase64: z.string() })),
  /** Removes a pending attachment (one not sent yet); a sent one stays with its message. */
  'attachments.remove': call(z.object({ id }).strict(), Ok),
};

export const attachmentsEvents = {};
