import { z } from 'zod';
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

export const historyCalls = {
  'history.search': call(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.array(SearchHit),
  ),
};

export const historyEvents = {};
