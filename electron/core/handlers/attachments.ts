import type { attachmentsCalls } from '../../../shared/contract/attachments';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const attachmentsHandlers = (_s: Services): DomainHandlers<typeof attachmentsCalls> => ({});
