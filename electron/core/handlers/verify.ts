import type { verifyCalls } from '../../../shared/contract/verify';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const verifyHandlers = (_s: Services): DomainHandlers<typeof verifyCalls> => ({});
