import type { costCalls } from '../../../shared/contract/cost';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const costHandlers = (s: Services): DomainHandlers<typeof costCalls> => ({
  'cost.conversation': ({ conversationId }) => s.cost.conversation(conversationId),
  'cost.estimate': ({ conversationId, text, attachmentIds }) => s.cost.estimate(conversationId, text, attachmentIds?.length ?? 0),
  'cost.spending': (range) => s.cost.spending(range),
  'cost.exportCsv': (range) => s.cost.exportCsv(range),
});
