import type { catalogCalls } from '../../../shared/contract/catalog';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const catalogHandlers = (s: Services): DomainHandlers<typeof catalogCalls> => ({
  'catalog.list': () => s.catalog.list(),
  'catalog.refresh': ({ providerId }) => s.catalog.refresh(providerId),
});
