// Exports conversations as text for the UI to save: a `parley-export` JSON file (lossless,
// importable) or Markdown (for reading). Both are built from the stored records only:
// provider records and keys are never part of an export, and any key the user pasted
// into a message is scrubbed (see `scrub`).
import type { AttachmentRef, Conversation, Message } from '../../../shared/domain';
import type { ExportFile } from '../../../shared/contract/history';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedConversation, type ParleyExport } from './export-format';

export interface ExportOptions {
  includeThinking: boolean;
  /** Replaces secrets in a text (the stored API keys). */
  scrub: (text: string) => string;
  now?: number;
  /** The bytes of an attachment as base64, or null when its file is gone (then it is left out). Absent: no attachments. */
  attachmentData?: (ref: AttachmentRef) => string | null;
  /** The file name an attachment has in an export (`<id>.<ext>`). */
  attachmentFile?: (ref: AttachmentRef) => string;
}

type WithMessages = { conversation: Conversation; messages: Message[] };

export function toExportedConversation({ conversation, messages }: WithMessages, opts: ExportOptions): ExportedConversation {
  const s = opts.scrub;
  return {
    ...conversation,
    title: s(conversation.title),
    messages: messages.map((m) => ({
      ...m,
      content: s(m.content),
      reasoning: opts.includeThinking && m.reasoning !== null ? s(m.reasoning) : null,
      error: m.error ? { ...m.error, message: s(m.error.message) } : null,
      attachments: m.attachments.flatMap((a) => {
        const dataBase64 = opts.attachmentData?.(a) ?? null;
        return dataBase64 === null ? [] : [{ ...a, dataBase64 }];
      }),
    })),
  };
}

export function exportJson(items: WithMessages[], opts: ExportOptions & { filenameBase: string }): ExportFile {
  const now = opts.now ?? Date.now();
  const file: ParleyExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    conversations: items.map((i) => toExportedConversation(i, opts)),
  };
  return { filename: `${opts.filenameBase}-${isoDate(now)}.json`, mimeType: 'application/json', content: `${JSON.stringify(file, null, 2)}\n` };
}

export function exportMarkdown(item: WithMessages, opts: ExportOptions & { providerName?: string | null }): ExportFile {
  const now = opts.now ?? Date.now();
  const s = opts.scrub;
  const c = item.conversation;
  const lines: string[] = [`# ${oneLine(s(c.title)) || 'Untitled conversation'}`, ''];
  const files: NonNullable<ExportFile['attachments']> = [];
  const model = [opts.providerName ?? c.providerId, c.modelId].filter(Boolean).join(' · ');
  if (model) lines.push(`- Model: ${model}`);
  lines.push(`- Started: ${new Date(c.createdAt).toISOString()}`, `- Exported from Parley: ${new Date(now).toISOString()}`, '');
  for (const m of item.messages) {
    lines.push('---', '', `## ${heading(m)}`, '');
    if (opts.includeThinking && m.reasoning) {
      lines.push('<details>', '<summary>Thinking</summary>', '', s(m.reasoning).trimEnd(), '', '</details>', '');
    }
    if (m.content) lines.push(s(m.content).trimEnd(), '');
    const linked = markdownAttachments(m, opts, files);
    if (linked.length > 0) lines.push(...linked, '');
    const note = statusNote(m, s);
    if (note) lines.push(`> ${note}`, '');
    const cost = costLine(m);
    if (cost) lines.push(`*${cost}*`, '');
  }
  const file: ExportFile = { filename: `${filenameBase(c.title)}-${isoDate(now)}.md`, mimeType: 'text/markdown', content: lines.join('\n') };
  return files.length > 0 ? { ...file, attachments: files } : file;
}

/** Links to `attachments/<id>.<ext>` (images shown inline), and the files to save beside the Markdown. */
function markdownAttachments(m: Message, opts: ExportOptions, files: NonNullable<ExportFile['attachments']>): string[] {
  const lines: string[] = [];
  for (const a of m.attachments) {
    const data = opts.attachmentData?.(a) ?? null;
    const name = a.name.replace(/[[\]\\]/g, (ch) => `\\${ch}`);
    if (data === null || !opts.attachmentFile) {
      lines.push(`*Attachment not exported: ${name}*`);
      continue;
    }
    const path = `attachments/${opts.attachmentFile(a)}`;
    files.push({ path, mimeType: a.mime, dataBase64: data });
    lines.push(a.kind === 'image' ? `![${name}](${path})` : `[${name} (PDF)](${path})`);
  }
  return lines;
}

function heading(m: Message): string {
  if (m.role === 'user') return 'You';
  if (m.role === 'system') return 'System';
  const model = m.modelServed ?? m.modelRequested;
  return model ? `Assistant (${model})` : 'Assistant';
}

function statusNote(m: Message, s: (t: string) => string): string | null {
  const why = m.error?.message ? `: ${oneLine(s(m.error.message))}` : '';
  switch (m.status) {
    case 'interrupted':
      return `Interrupted${why}`;
    case 'stopped':
      return 'Stopped before the end';
    case 'error':
      return `Error${why}`;
    case 'streaming':
      return 'Still streaming when exported';
    default:
      return null;
  }
}

/** "Cost: $0.00123 · 1,200 tokens in, 350 out" when the cost is known. */
export function costLine(m: Message): string | null {
  if (m.cost?.usd === null || m.cost?.usd === undefined) return null;
  const parts = [`Cost: ${formatUsd(m.cost.usd)}${m.cost.estimated ? ' (estimated)' : ''}`];
  if (m.usage) parts.push(`${m.usage.promptTokens.toLocaleString('en-US')} tokens in, ${m.usage.completionTokens.toLocaleString('en-US')} out`);
  return parts.join(' · ');
}

function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  // Small replies cost fractions of a cent: keep three significant digits.
  return `$${Number(usd.toPrecision(3)).toString()}`;
}

const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `parley-<title>`: lowercase ASCII letters, digits and dashes, safe on every file system. */
export function filenameBase(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return `parley-${slug || 'conversation'}`;
}

/** Replaces each secret by `[redacted]` (exact matches only, so ordinary text is never altered). */
export function secretScrubber(secrets: Iterable<string>): (text: string) => string {
  const list = [...secrets].filter((k) => k.length >= 4);
  return (text) => {
    let out = text;
    for (const k of list) if (out.includes(k)) out = out.split(k).join('[redacted]');
    return out;
  };
}
