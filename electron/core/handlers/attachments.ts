import type { attachmentsCalls } from '../../../shared/contract/attachments';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const attachmentsHandlers = (s: Services): DomainHandlers<typeof attachmentsCalls> => ({
  'attachments.add': (input) => s.attachments.add(input),
  'attachments.get': ({ id }) => s.attachments.get(id),
  'attachments.remove': ({ id }) => {
    s.attachments.remove(id);
    return { ok: true as const };
  },
});
