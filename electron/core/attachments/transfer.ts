// Attachments in exports and imports: an export embeds each file (JSON) or links it
// (Markdown, `attachments/<id>.<ext>`); an import checks every embedded file again like a
// fresh attachment (type by content, size) before anything is written, then writes the
// files, and the caller records them in the same transaction as the messages.
import fs from 'node:fs';
import type { AttachmentRef } from '../../../shared/domain';
import { AppError } from '../errors';
import type { ConversationRepo } from '../history/conversations';
import type { ExportOptions } from '../history/export';
import type { ParleyExport } from '../history/export-format';
import { importedConversations } from '../history/import';
import { decodeBase64 } from './attachment-service';
import { fileNameOf, type AttachmentStore } from './attachment-store';
import { checkSize, DEFAULT_LIMITS } from './limits';
import { sniff } from './sniff';

export function exportAttachmentOptions(store: AttachmentStore): Pick<ExportOptions, 'attachmentData' | 'attachmentFile'> {
  return {
    attachmentData: (ref) => (store.exists(ref) ? store.read(ref).toString('base64') : null),
    attachmentFile: (ref) => fileNameOf(ref),
  };
}

export interface StagedImport {
  /** Records a restored attachment for its message (call inside the import transaction). */
  insertRow(ref: AttachmentRef, messageId: string): void;
  /** After a failed import: removes the files this import added. */
  rollback(): Promise<void>;
}

export async function stageImportAttachments(file: ParleyExport, store: AttachmentStore, conversations: ConversationRepo): Promise<StagedImport> {
  const toWrite: { ref: AttachmentRef; bytes: Buffer }[] = [];
  for (const c of importedConversations(file, conversations)) {
    for (const m of c.messages) {
      for (const { dataBase64, ...ref } of m.attachments) {
        const where = `attachment ${ref.name} of message ${m.id}`;
        const bytes = refuseAs(where, () => decodeBase64(dataBase64));
        const found = await refuseAsync(where, () => sniff(bytes));
        if (found.mime !== ref.mime) throw invalid(`${where} is ${found.mime}, not the ${ref.mime} it claims to be`);
        if (bytes.length !== ref.bytes) throw invalid(`${where} has ${bytes.length} bytes, not the ${ref.bytes} it claims`);
        refuseAs(where, () => checkSize(bytes.length, ref.kind, DEFAULT_LIMITS, null));
        const owner = store.ownerConversation(ref.id);
        if (owner && owner !== c.id) throw invalid(`attachment ${ref.id} already belongs to another conversation (${owner})`);
        toWrite.push({ ref, bytes });
      }
    }
  }
  const added: string[] = [];
  const rollback = async () => {
    for (const f of added) await fs.promises.rm(f, { force: true });
  };
  try {
    for (const { ref, bytes } of toWrite) {
      const existed = store.exists(ref);
      const path = await store.writeFile(ref, bytes);
      if (!existed) added.push(path);
    }
  } catch (err) {
    await rollback();
    throw err;
  }
  return { insertRow: (ref, messageId) => store.insertRow(ref, messageId), rollback };
}

const invalid = (why: string) => new AppError('invalid_import', `The import file was not imported: ${why}. Nothing was changed.`);

function refuseAs<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw invalid(`${where}: ${(err as Error).message.replace(/\.$/, '')}`);
  }
}

async function refuseAsync<T>(where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw invalid(`${where}: ${(err as Error).message.replace(/\.$/, '')}`);
  }
}
