// Composition root of the core: opens the data folder and the keychain, wires the
// services, and returns the router and event bus that a transport binds to.
import path from 'node:path';
import { AttachmentService } from './attachments/attachment-service';
import { AttachmentStore } from './attachments/attachment-store';
import { CatalogService } from './catalog/catalog-service';
import { ChatService } from './chat/chat-service';
import { CostService } from './cost/cost-service';
import { EventBus } from './events';
import { createHandlers } from './handlers/index';
import { CatalogCache } from './history/catalog-cache';
import { ConversationRepo } from './history/conversations';
import { openDatabase } from './history/database';
import { MessageRepo } from './history/messages';
import { ProvidersRepo } from './history/providers-repo';
import { SettingsRepo } from './history/settings-repo';
import { ProviderService } from './provider-service';
import { adapters } from './providers/registry';
import { createRouter, type Router } from './router';
import { Redactor } from './secrets/redactor';
import { loadKeytar, Vault, type Keychain } from './secrets/vault';
import { SettingsService } from './settings-service';
import type { StreamTimeouts } from './stream/runner';
import { describeWriteError } from './history/write-errors';
import { VerificationService } from './verification/verification-service';

export interface CoreOptions {
  dataDir: string;
  keychainService: string;
  mode: 'electron' | 'web';
  appVersion: string;
  log?: (message: string) => void;
  /** Tests only: a different keychain or network; production uses keytar and global fetch. */
  keychain?: Keychain;
  fetch?: typeof fetch;
  timeouts?: Partial<StreamTimeouts>;
  /** Tests only: waits before re-asking for a reply signature that is not there yet. */
  verifyNotFoundRetriesMs?: number[];
}

export interface Core {
  router: Router;
  events: EventBus;
  /** Scrubs known secrets from text (for transports' own logs). */
  redact: (text: string) => string;
  close(): Promise<void>;
}

export const DB_FILE = 'history.sqlite';

export async function createCore(opts: CoreOptions): Promise<Core> {
  const redactor = new Redactor();
  const redact = (t: string) => redactor.redact(t);
  const log = (m: string) => opts.log?.(redact(m));
  const events = new EventBus();

  const { db, recoveredFrom, backupPath, closeCleanly, noteError } = openDatabase(path.join(opts.dataDir, DB_FILE));
  const conversations = new ConversationRepo(db);
  const messages = new MessageRepo(db);
  const providersRepo = new ProvidersRepo(db);
  const vault = new Vault(opts.keychain ?? loadKeytar(), opts.keychainService, redactor);
  const providers = new ProviderService(providersRepo, vault);
  providers.seed();
  const interrupted = messages.markInterrupted();
  if (interrupted) log(`history: ${interrupted} reply(ies) left streaming by the last run marked interrupted`);
  const purged = conversations.purgeTrash();
  if (purged) log(`history: ${purged} conversation(s) deleted more than 30 days ago purged from the trash`);
  if (backupPath) log(`history: database backed up to ${backupPath} before upgrading`);

  const catalog = new CatalogService({
    providers: () => providersRepo.list(),
    adapters,
    vault,
    cache: new CatalogCache(db),
    events,
    fetch: opts.fetch ?? fetch,
    redact,
  });
  const settings = new SettingsService(new SettingsRepo(db));
  const verification = new VerificationService({ db, messages, providers: providersRepo, vault, settings, events, redact, containsSecret: (t) => redactor.contains(t), log, fetch: opts.fetch, notFoundRetriesMs: opts.verifyNotFoundRetriesMs });
  const cost = new CostService({
    db, conversations, providers: providersRepo,
    listMessages: (id) => messages.texts(id),
    hasAttachments: (id) => messages.hasAttachments(id),
    findModel: (p, m) => catalog.find(p, m),
  });
  const attachmentStore = new AttachmentStore(db, opts.dataDir);
  const cleaned = attachmentStore.cleanup();
  if (cleaned) log(`attachments: ${cleaned} unsent or orphaned file(s) older than a day removed`);
  const attachments = new AttachmentService({ store: attachmentStore, conversations, providers: providersRepo, listModels: () => catalog.list().models });
  const chat = new ChatService({
    attachments,
    costing: cost,
    evidence: verification,
    conversations,
    messages,
    providers: providersRepo,
    adapters,
    vault,
    findModel: (p, m) => catalog.find(p, m),
    events,
    fetch: opts.fetch,
    timeouts: opts.timeouts,
    redact,
    onWriteError: (err) => {
      noteError(err);
      const message = describeWriteError(err);
      log(`history: write failed: ${message}`);
      events.emit('app.alert', { level: 'error', message });
    },
  });

  const handlers = createHandlers({
    info: { version: opts.appVersion, mode: opts.mode, dataDir: opts.dataDir },
    db, events, vault, settings, providers, catalog, conversations, messages, chat, cost, verification, attachments,
  });
  // A call that failed on a damaged database keeps the next start's full integrity check.
  const router = createRouter(handlers, {
    redact,
    log: (m) => {
      noteError(m);
      log(m);
    },
  });

  if (recoveredFrom) {
    // Told once the renderer is listening; the damaged file is kept for recovery.
    setTimeout(() => events.emit('app.alert', { level: 'error', message: `The history database failed its integrity check. It was set aside as ${recoveredFrom} and a new one was started.` }), 1000);
  }

  let closing: Promise<void> | null = null;
  return {
    router,
    events,
    redact,
    // Idempotent: quitting can reach it from more than one path.
    close() {
      closing ??= (async () => {
        await chat.shutdown();
        await verification.close();
        await catalog.idle();
        closeCleanly();
      })();
      return closing;
    },
  };
}
