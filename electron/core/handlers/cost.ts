import type { costCalls } from '../../../shared/contract/cost';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const costHandlers = (_s: Services): DomainHandlers<typeof costCalls> => ({});
