import type { verifyCalls } from '../../../shared/contract/verify';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const verifyHandlers = (s: Services): DomainHandlers<typeof verifyCalls> => ({
  'verify.run': ({ messageId }) => s.verification.run(messageId),
  'verify.get': ({ messageId }) => s.verification.get(messageId),
});
