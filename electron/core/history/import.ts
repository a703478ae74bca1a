// Imports a `parley-export` JSON file. Everything is validated before anything is written,
// and the writes run in one transaction: a bad file changes nothing.
//
// Ids are preserved. A conversation whose id already exists is skipped (importing the same
// file twice adds nothing, and never overwrites what the user changed since); one that
// exists only in the trash is replaced by the file's copy (importing a backup undoes a delete).
import type { z } from 'zod';
import type { AttachmentRef, Conversation } from '../../../shared/domain';
import { AppError } from '../errors';
import type { ConversationRepo } from './conversations';
import { EXPORT_FORMAT, EXPORT_VERSION, IMPORT_VERSIONS, ParleyExportSchema, type ParleyExport } from './export-format';
import type { MessageRepo } from './messages';

const MAX_LISTED_PROBLEMS = 5;

export interface ImportResult {
  conversations: number;
  messages: number;
  skipped: number;
  /** The conversations added, for a `conversations.changed` event each. */
  imported: Conversation[];
}

export function parseExport(content: string): ParleyExport {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (err) {
    throw invalid(`it is not JSON (${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid('it is not a Parley export (expected a JSON object)');
  const head = data as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT) throw invalid(`it is not a Parley export (format is ${describe(head.format)}, expected "${EXPORT_FORMAT}")`);
  if (!(IMPORT_VERSIONS as readonly unknown[]).includes(head.version)) {
    throw new AppError(
      'unsupported_version',
      `This export is version ${describe(head.version)}; this app reads versions ${IMPORT_VERSIONS.join(' and ')}. ` +
        (typeof head.version === 'number' && head.version > EXPORT_VERSION ? 'Update the app to import it. ' : '') +
        'Nothing was imported.',
    );
  }
  const parsed = ParleyExportSchema.safeParse(data);
  if (!parsed.success) throw invalid(listProblems(parsed.error));
  return parsed.data;
}

/** Conversations of the file that an import adds (a live one of the same id is skipped). */
export const importedConversations = (file: ParleyExport, conversations: ConversationRepo) => file.conversations.filter((c) => conversations.state(c.id) !== 'live');

export function importExport(
  file: ParleyExport,
  repos: { conversations: ConversationRepo; messages: MessageRepo },
  /** Records each imported attachment (its file already written) for its message, inside the transaction. */
  attachments?: { insertRow(ref: AttachmentRef, messageId: string): void },
): ImportResult {
  const { conversations, messages } = repos;
  const result: ImportResult = { conversations: 0, messages: 0, skipped: 0, imported: [] };
  messages.atomically(() => {
    for (const c of file.conversations) {
      const state = conversations.state(c.id);
      if (state === 'live') {
        result.skipped++;
        continue;
      }
      if (state === 'trashed') conversations.delete(c.id);
      for (const m of c.messages) {
        const owner = messages.get(m.id)?.conversationId;
        if (owner) throw new AppError('invalid_import', `The import file was not imported: message ${m.id} already exists in another conversation (${owner}). Nothing was imported.`);
      }
      const { messages: list, ...conversation } = c;
      result.imported.push(conversations.create(conversation));
      for (const m of list) {
        // A reply exported while it streamed will never finish: it is kept as interrupted.
        const refs: AttachmentRef[] = m.attachments.map(({ dataBase64: _data, ...ref }) => ref);
        if (refs.length > 0 && !attachments) throw new AppError('invalid_import', 'The import file was not imported: it has attachments, and they cannot be restored here. Nothing was imported.');
        const stored = { ...m, attachments: refs };
        messages.insert(
          stored.status === 'streaming'
            ? { ...stored, status: 'interrupted', error: m.error ?? { code: 'interrupted', message: 'This reply was still streaming when it was exported; the text until then is kept.' } }
            : stored,
        );
        for (const ref of refs) attachments!.insertRow(ref, m.id);
        result.messages++;
      }
      result.conversations++;
    }
  });
  return result;
}

function invalid(why: string): AppError {
  return new AppError('invalid_import', `The import file was not imported: ${why}. Nothing was changed.`);
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `conversations[0].messages[2].role: Invalid option…`, the first few. */
function listProblems(error: z.ZodError): string {
  const all = error.issues.map((i) => {
    const where = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `${where || 'file'}: ${i.message}`;
  });
  const more = all.length > MAX_LISTED_PROBLEMS ? ` (and ${all.length - MAX_LISTED_PROBLEMS} more)` : '';
  return all.slice(0, MAX_LISTED_PROBLEMS).join('; ') + more;
}
