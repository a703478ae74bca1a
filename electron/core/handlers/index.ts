// Binds each call of the contract to a service, one file per domain. Transports never see services.
import type { Handlers } from '../router';
import type { Services } from '../services';
import { appHandlers } from './app';
import { attachmentsHandlers } from './attachments';
import { catalogHandlers } from './catalog';
import { chatHandlers } from './chat';
import { conversationHandlers } from './conversations';
import { costHandlers } from './cost';
import { historyHandlers } from './history';
import { providerHandlers } from './providers';
import { verifyHandlers } from './verify';

export function createHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...providerHandlers(s),
    ...catalogHandlers(s),
    ...conversationHandlers(s),
    ...chatHandlers(s),
    ...historyHandlers(s),
    ...costHandlers(s),
    ...verifyHandlers(s),
    ...attachmentsHandlers(s),
  };
}
