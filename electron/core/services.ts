import type { DatabaseSync } from 'node:sqlite';
import type { AttachmentService } from './attachments/attachment-service';
import type { CatalogService } from './catalog/catalog-service';
import type { ChatService } from './chat/chat-service';
import type { CostService } from './cost/cost-service';
import type { EventBus } from './events';
import type { ConversationRepo } from './history/conversations';
import type { MessageRepo } from './history/messages';
import type { ProviderService } from './provider-service';
import type { Vault } from './secrets/vault';
import type { SettingsService } from './settings-service';
import type { VerificationService } from './verification/verification-service';

/** Everything the handlers may use; assembled once in app.ts. */
export interface Services {
  info: { version: string; mode: 'electron' | 'web'; dataDir: string };
  db: DatabaseSync;
  events: EventBus;
  vault: Vault;
  settings: SettingsService;
  providers: ProviderService;
  catalog: CatalogService;
  conversations: ConversationRepo;
  messages: MessageRepo;
  chat: ChatService;
  cost: CostService;
  verification: VerificationService;
  attachments: AttachmentService;
}
