import type { historyCalls } from '../../../shared/contract/history';
import { searchMessages } from '../history/search';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const historyHandlers = (s: Services): DomainHandlers<typeof historyCalls> => ({
  'history.search': ({ query, limit }) => searchMessages(s.db, query, limit),
});
