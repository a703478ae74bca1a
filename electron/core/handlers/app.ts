import type { appCalls } from '../../../shared/contract/app';
import type { Services } from '../services';
import type { DomainHandlers } from './types';

export const appHandlers = (s: Services): DomainHandlers<typeof appCalls> => ({
  'app.info': () => ({ version: s.info.version, mode: s.info.mode, dataDir: s.info.dataDir }),
  'settings.get': () => s.settings.get(),
  'settings.update': (patch) => s.settings.update(patch),
});
