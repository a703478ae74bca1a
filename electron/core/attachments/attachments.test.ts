// Attachments through the router against the provider emulator, on a real SQLite file, the
// real keychain and real files in the data folder: what reaches the provider, what is refused
// (and that a refusal writes nothing), the migration of older databases, export/import.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type EmuProvider } from '../../../e2e/emulator';
import type { SendEstimate } from '../../../shared/contract/cost';
import type { AttachmentRef, Conversation, Message } from '../../../shared/domain';
import { createCore, DB_FILE } from '../app';
import { openDatabase } from '../history/database';
import { MessageRepo } from '../history/messages';
import { migrate, migrations } from '../history/migrations';
import { loadKeytar } from '../secrets/vault';
import { useTempDir } from '../test-support/temp-dir';
import { ATTACHMENTS_DIR, PENDING_TTL_MS } from './attachment-store';
import { makePng } from '../test-support/png';
import { modelInfo } from '../../../shared/catalog/model-info';
import type { ProviderLike } from '../../../shared/catalog/takes';
import { assertModelTakes } from './wire';

const tempDir = useTempDir();
const keychainService = `parley-test-${randomUUID()}`;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});


const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(300, 7)]);
const PE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]);
const b64 = (b: Buffer) => b.toString('base64');

const PROVIDERS: EmuProvider[] = ['nanogpt', 'llmbase'];
const VISION = 'openai/gpt-5.2'; // NanoGPT: images and PDFs
const VISION_ONLY = 'anthropic/claude-opus-4.6:thinking'; // NanoGPT: images, no PDFs
const TEXT_ONLY = 'deepseek/deepseek-v3.2'; // NanoGPT: text only

async function setup(dataDir = tempDir(), emu?: Emulator) {
  const emulator = emu ?? (await startEmulator());
  if (!emu) cleanups.push(() => emulator.close());
  const core = await createCore({ dataDir, keychainService, mode: 'web', appVersion: 'test', timeouts: { connectMs: 2000, idleMs: 2000, backoffMs: 20 } });
  let open = true;
  const close = async () => {
    if (open) await core.close();
    open = false;
  };
  cleanups.push(close);
  const done = new Map<string, Message>();
  const waiters = new Map<string, (m: Message) => void>();
  core.events.subscribe((name, payload) => {
    if (name !== 'chat.done') return;
    const m = (payload as { message: Message }).message;
    done.set(m.id, m);
    waiters.get(m.id)?.(m);
  });
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await core.router(name, input);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.value as T;
  };
  if (!emu) {
    for (const p of PROVIDERS) {
      await call('providers.save', { id: p, kind: p, name: p === 'nanogpt' ? 'NanoGPT' : 'LLMBase', baseUrl: emulator.bases[p], apiKey: emulator.keys[p] });
      cleanups.push(() => loadKeytar().deletePassword(keychainService, p));
    }
    await call('catalog.refresh', {});
  }
  const finished = (id: string) => new Promise<Message>((resolve) => (done.has(id) ? resolve(done.get(id)!) : waiters.set(id, resolve)));
  const conversation = (modelId: string, providerId: EmuProvider = 'nanogpt') => call<Conversation>('conversations.create', { providerId, modelId });
  const attach = (conversationId: string, bytes: Buffer, name = 'shot.png', declaredMime?: string) =>
    call<AttachmentRef>('attachments.add', { conversationId, name, dataBase64: b64(bytes), ...(declaredMime ? { declaredMime } : {}) });
  const chatRequests = () => emulator.requests.filter((r) => r.path.endsWith('/chat/completions'));
  return { emulator, core, call, finished, conversation, attach, chatRequests, dataDir, close };
}

type Part = { type: string; text?: string; image_url?: { url: string }; file?: { filename: string; file_data: string } };
const lastMessages = (s: Awaited<ReturnType<typeof setup>>) => (s.chatRequests().at(-1)!.json as { messages: { role: string; content: string | Part[] }[] }).messages;
const decodeDataUrl = (url: string, mime: string) => {
  const prefix = `data:${mime};base64,`;
  expect(url.startsWith(prefix)).toBe(true);
  return Buffer.from(url.slice(prefix.length), 'base64');
};

describe('attachments on the wire', () => {
  it('an image goes to a vision model as an image_url part with the exact bytes; later turns resend it; text stays plain text', async () => {
    const s = await setup();
    const c = await s.conversation(VISION);
    const png = makePng(3, 2);
    const ref = await s.attach(c.id, png);
    expect(ref).toMatchObject({ kind: 'image', mime: 'image/png', name: 'shot.png', bytes: png.length, width: 3, height: 2 });
    expect(fs.readFileSync(path.join(s.dataDir, ATTACHMENTS_DIR, `${ref.id}.png`))).toEqual(png);

    const sent = await s.call<{ user: Message; assistant: Message }>('chat.send', { conversationId: c.id, text: 'What colour is this?', attachmentIds: [ref.id] });
    expect(sent.user.attachments).toEqual([ref]);
    expect((await s.finished(sent.assistant.id)).status).toBe('complete');
    const [user] = lastMessages(s);
    expect(user!.role).toBe('user');
    const parts = user!.content as Part[];
    expect(parts).toHaveLength(2);
    expect(parts[0]).toEqual({ type: 'text', text: 'What colour is this?' });
    expect(parts[1]!.type).toBe('image_url');
    expect(decodeDataUrl(parts[1]!.image_url!.url, 'image/png')).toEqual(png);

    // The next turn: the history still carries the image; the new text-only message is a plain string.
    const next = await s.call<{ assistant: Message }>('chat.send', { conversationId: c.id, text: 'And now?' });
    await s.finished(next.assistant.id);
    const history = lastMessages(s);
    expect(history.map((m) => typeof m.content)).toEqual(['object', 'string', 'string']);
    expect(history[2]).toEqual({ role: 'user', content: 'And now?' });

    // Stored with the message, and served back for the thumbnail.
    const listed = await s.call<Message[]>('messages.list', { conversationId: c.id });
    expect(listed[0]!.attachments).toEqual([ref]);
    expect(listed.slice(1).every((m) => m.attachments.length === 0)).toBe(true);
    const got = await s.call<{ mime: string; dataBase64: string }>('attachments.get', { id: ref.id });
    expect(got.mime).toBe('image/png');
    expect(Buffer.from(got.dataBase64, 'base64')).toEqual(png);
    // A sent attachment belongs to its message: it cannot be removed or sent again.
    await expect(s.call('attachments.remove', { id: ref.id })).rejects.toThrow(/attachment_sent/);
    await expect(s.call('chat.send', { conversationId: c.id, text: 'again', attachmentIds: [ref.id] })).rejects.toThrow(/already sent/);
  });

  it('a PDF goes as a file part to a model that reads PDFs', async () => {
    const s = await setup();
    const c = await s.conversation(VISION);
    const ref = await s.attach(c.id, PDF, 'report.pdf');
    expect(ref).toMatchObject({ kind: 'file', mime: 'application/pdf', name: 'report.pdf', bytes: PDF.length });
    expect(ref.width).toBeUndefined();
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId: c.id, text: 'Summarise', attachmentIds: [ref.id] });
    await s.finished(sent.assistant.id);
    const parts = lastMessages(s)[0]!.content as Part[];
    expect(parts[0]).toEqual({ type: 'text', text: 'Summarise' });
    expect(parts[1]!.type).toBe('file');
    expect(parts[1]!.file!.filename).toBe('report.pdf');
    expect(decodeDataUrl(parts[1]!.file!.file_data, 'application/pdf')).toEqual(PDF);
  });

  it('a model without the capability never receives them: refused before anything is written, naming a capable model', async () => {
    const s = await setup();
    const text = await s.conversation(TEXT_ONLY);
    const png = await s.attach(text.id, makePng(2, 2));
    const err = await s.call('chat.send', { conversationId: text.id, text: 'Look', attachmentIds: [png.id] }).catch((e: Error & { code: string }) => e);
    expect((err as { code: string }).code).toBe('unsupported_attachment');
    expect((err as Error).message).toMatch(/^unsupported_attachment: DeepSeek V3\.2 cannot see images\. Choose a model that can, such as .+, or remove the attachment\.$/);
    // A PDF to a model that sees images but reads no PDFs: the suggestion reads PDFs.
    const visionOnly = await s.conversation(VISION_ONLY);
    const pdf = await s.attach(visionOnly.id, PDF, 'a.pdf');
    await expect(s.call('chat.send', { conversationId: visionOnly.id, text: 'Read', attachmentIds: [pdf.id] })).rejects.toThrow(
      /Claude Opus 4\.6 Thinking cannot read PDFs\. Choose a model that can, such as GPT-5\.2,/,
    );
    expect(s.chatRequests()).toHaveLength(0);
    expect(await s.call<Message[]>('messages.list', { conversationId: text.id })).toEqual([]);
    // Still pending: the user can switch to a capable model and send the same attachment.
    await s.call('conversations.update', { id: text.id, modelId: VISION });
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId: text.id, text: 'Look', attachmentIds: [png.id] });
    await s.finished(sent.assistant.id);
    expect(s.chatRequests()).toHaveLength(1);
    // Regenerating with a text-only model would send the image in the history: refused too.
    await expect(s.call('chat.regenerate', { messageId: sent.assistant.id, modelId: TEXT_ONLY })).rejects.toThrow(/unsupported_attachment: DeepSeek V3\.2 cannot see images/);
    expect(s.chatRequests()).toHaveLength(1);
  });

  it('the send estimate says image tokens are not counted', async () => {
    const s = await setup();
    const c = await s.conversation(VISION);
    const plain = await s.call<SendEstimate>('cost.estimate', { conversationId: c.id, text: 'hi' });
    expect(plain.attachmentsNotCounted).toBeUndefined();
    const ref = await s.attach(c.id, makePng(4, 4));
    const e = await s.call<SendEstimate>('cost.estimate', { conversationId: c.id, text: 'hi', attachmentIds: [ref.id] });
    expect(e.attachmentsNotCounted).toBe(true);
    expect(e.note).toMatch(/Images and PDFs are not counted here/);
    expect(e.inputTokens).toBe(plain.inputTokens);
    // Once sent, the image is in the history every later send carries: still not counted.
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId: c.id, text: 'hi', attachmentIds: [ref.id] });
    await s.finished(sent.assistant.id);
    const later = await s.call<SendEstimate>('cost.estimate', { conversationId: c.id, text: 'and now?' });
    expect(later.attachmentsNotCounted).toBe(true);
  });
});

describe('attachment checks', () => {
  it('type by content: a renamed executable, a PE, plain text and a ZIP are refused; a PNG named .pdf is a PNG', async () => {
    const s = await setup();
    const c = await s.conversation(VISION);
    await expect(s.attach(c.id, ELF, 'photo.png', 'image/png')).rejects.toThrow(/^unsupported_file: That file is not an image or a PDF \(it looks like an executable\)\. Attach a PNG, JPEG, GIF or WebP image, or a PDF\.$/);
    await expect(s.attach(c.id, PE, 'cat.jpg', 'image/jpeg')).rejects.toThrow(/it looks like an executable/);
    await expect(s.attach(c.id, Buffer.from('#!/bin/sh\nrm -rf ~\n'), 'run.gif')).rejects.toThrow(/it looks like an executable/);
    await expect(s.attach(c.id, Buffer.from('just some words'), 'notes.png')).rejects.toThrow(/not an image or a PDF \(its type could not be recognised\)/);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    await expect(s.attach(c.id, zip, 'a.pdf')).rejects.toThrow(/not an image or a PDF \(it looks like ZIP\)/);
    // A truncated PNG (header only): refused as damaged rather than sent.
    await expect(s.attach(c.id, makePng(2, 2).subarray(0, 20), 'cut.png')).rejects.toThrow(/damaged or incomplete/);
    await expect(s.call('attachments.add', { conversationId: c.id, name: 'x.png', dataBase64: 'data:image/png;base64,AAAA' })).rejects.toThrow(/not valid base64/);
    const renamed = await s.attach(c.id, makePng(1, 1), 'scan.pdf', 'application/pdf');
    expect(renamed).toMatchObject({ kind: 'image', mime: 'image/png', name: 'scan.pdf' });
    // Nothing refused reached the data folder.
    expect(fs.readdirSync(path.join(s.dataDir, ATTACHMENTS_DIR))).toEqual([`${renamed.id}.png`]);
  });

  it('an oversized image is refused with the limit and the provider named', async () => {
    const s = await setup();
    const c = await s.conversation(VISION);
    const big = Buffer.concat([makePng(8, 8), Buffer.alloc(21 * 1024 * 1024)]);
    await expect(s.attach(c.id, big, 'huge.png')).rejects.toThrow(/^attachment_too_large: Images may be at most 20 MB for NanoGPT; this one is 21 MB\.$/);
    // Beyond the largest file any provider takes, the schema refuses it before decoding.
    await expect(s.call('attachments.add', { name: 'x.pdf', dataBase64: 'A'.repeat(45_000_000) })).rejects.toThrow(/too large \(32 MB at most\)/);
  });

  it('a pending attachment can be removed; unsent ones are cleaned up at startup after a day', async () => {
    const dataDir = tempDir();
    const s = await setup(dataDir);
    const c = await s.conversation(VISION);
    const gone = await s.attach(c.id, makePng(1, 1));
    await s.call('attachments.remove', { id: gone.id });
    await expect(s.call('attachments.get', { id: gone.id })).rejects.toThrow(/not_found/);
    const old = await s.attach(c.id, makePng(2, 1));
    const fresh = await s.attach(c.id, makePng(1, 2));
    const sentRef = await s.attach(c.id, makePng(2, 2));
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId: c.id, text: 'x', attachmentIds: [sentRef.id] });
    await s.finished(sent.assistant.id);
    await s.close();
    const db = new DatabaseSync(path.join(dataDir, DB_FILE));
    db.prepare('UPDATE attachments SET created_at = ? WHERE id IN (?, ?)').run(Date.now() - PENDING_TTL_MS - 1000, old.id, sentRef.id);
    db.close();
    const stray = path.join(dataDir, ATTACHMENTS_DIR, `${randomUUID()}.png.tmp`);
    fs.writeFileSync(stray, 'half');
    fs.utimesSync(stray, new Date(Date.now() - PENDING_TTL_MS * 2), new Date(Date.now() - PENDING_TTL_MS * 2));

    const again = await setup(dataDir, s.emulator);
    expect(fs.readdirSync(path.join(dataDir, ATTACHMENTS_DIR)).sort()).toEqual([`${fresh.id}.png`, `${sentRef.id}.png`].sort());
    await expect(again.call('attachments.get', { id: old.id })).rejects.toThrow(/not_found/);
    expect((await again.call<{ dataBase64: string }>('attachments.get', { id: sentRef.id })).dataBase64).toBe(b64(makePng(2, 2)));
  });
});

describe('migration and export/import', () => {
  it('migrates a version-4 database: existing messages get no attachments, and the old file is backed up', () => {
    const file = path.join(tempDir(), DB_FILE);
    const old = new DatabaseSync(file);
    migrate(old, file, migrations.filter((m) => m.version <= 4));
    old.prepare(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old', 1, 2)`).run();
    old.prepare(`INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at, updated_at) VALUES ('m1', 'c1', 1, 'user', 'hello', 'complete', 3, 4)`).run();
    old.close();
    const { db, backupPath } = openDatabase(file);
    expect(backupPath).toMatch(/backup-v4-/);
    const [m] = new MessageRepo(db).list('c1');
    expect(m).toMatchObject({ id: 'm1', content: 'hello', attachments: [] });
    expect(db.prepare('SELECT COUNT(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    db.close();
  });

  async function historyWithAttachments() {
    const s = await setup();
    const c = await s.conversation(VISION);
    const png = makePng(5, 3);
    const img = await s.attach(c.id, png, 'screen [1].png');
    const pdf = await s.attach(c.id, PDF, 'doc.pdf');
    const sent = await s.call<{ user: Message; assistant: Message }>('chat.send', { conversationId: c.id, text: 'Both', attachmentIds: [img.id, pdf.id] });
    await s.finished(sent.assistant.id);
    return { s, c, png, img, pdf };
  }

  it('JSON export v2 embeds the files; import restores them on another data folder; a second import adds nothing', async () => {
    const { s, c, png, img, pdf } = await historyWithAttachments();
    const file = await s.call<{ content: string }>('history.exportConversation', { id: c.id, format: 'json' });
    const parsed = JSON.parse(file.content);
    expect(parsed.version).toBe(2);
    const exported = parsed.conversations[0].messages[0].attachments;
    expect(exported).toEqual([{ ...img, dataBase64: b64(png) }, { ...pdf, dataBase64: b64(PDF) }]);

    const b = await setup(tempDir(), s.emulator);
    expect(await b.call('history.import', { content: file.content })).toEqual({ conversations: 1, messages: 2, skipped: 0 });
    expect(await b.call<Message[]>('messages.list', { conversationId: c.id })).toEqual(await s.call<Message[]>('messages.list', { conversationId: c.id }));
    expect(Buffer.from((await b.call<{ dataBase64: string }>('attachments.get', { id: img.id })).dataBase64, 'base64')).toEqual(png);
    expect(fs.readFileSync(path.join(b.dataDir, ATTACHMENTS_DIR, `${pdf.id}.pdf`))).toEqual(PDF);
    expect(await b.call('history.import', { content: file.content })).toEqual({ conversations: 0, messages: 0, skipped: 1 });
    // Restored attachments belong to their message: the history resends them.
    const next = await b.call<{ assistant: Message }>('chat.send', { conversationId: c.id, text: 'Again' });
    await b.finished(next.assistant.id);
    const parts = lastMessages(b)[0]!.content as Part[];
    expect(parts.map((p) => p.type)).toEqual(['text', 'image_url', 'file']);
  });

  it('a version-1 file still imports; a tampered attachment (a program labelled PNG) is refused and changes nothing', async () => {
    const { s, c } = await historyWithAttachments();
    const file = JSON.parse((await s.call<{ content: string }>('history.exportConversation', { id: c.id, format: 'json' })).content);

    const v1 = structuredClone(file);
    v1.version = 1;
    v1.conversations[0].id = 'from-v1';
    for (const m of v1.conversations[0].messages) {
      m.conversationId = 'from-v1';
      m.id = `v1-${m.id}`;
      delete m.attachments;
    }
    const b = await setup(tempDir(), s.emulator);
    expect(await b.call('history.import', { content: JSON.stringify(v1) })).toEqual({ conversations: 1, messages: 2, skipped: 0 });
    expect((await b.call<Message[]>('messages.list', { conversationId: 'from-v1' })).map((m) => m.attachments)).toEqual([[], []]);

    const tampered = structuredClone(file);
    tampered.conversations[0].messages[0].attachments[0].dataBase64 = b64(ELF);
    await expect(b.call('history.import', { content: JSON.stringify(tampered) })).rejects.toThrow(/invalid_import: .*attachment screen \[1\]\.png .*it looks like an executable.*Nothing was changed/);
    const traversal = structuredClone(file);
    traversal.conversations[0].messages[0].attachments[0].id = '../../evil';
    await expect(b.call('history.import', { content: JSON.stringify(traversal) })).rejects.toThrow(/invalid_import: .*attachments\[0\]\.id: an attachment id may hold only/);
    expect(await b.call<Conversation[]>('conversations.list')).toHaveLength(1);
    expect(fs.existsSync(path.join(b.dataDir, ATTACHMENTS_DIR)) ? fs.readdirSync(path.join(b.dataDir, ATTACHMENTS_DIR)) : []).toEqual([]);
  });

  it('Markdown export links attachments/<file> and hands over the files to save beside it', async () => {
    const { s, c, png, img, pdf } = await historyWithAttachments();
    const md = await s.call<{ content: string; attachments?: { path: string; mimeType: string; dataBase64: string }[] }>('history.exportConversation', { id: c.id, format: 'markdown' });
    expect(md.content).toContain(`![screen \\[1\\].png](attachments/${img.id}.png)`);
    expect(md.content).toContain(`[doc.pdf (PDF)](attachments/${pdf.id}.pdf)`);
    expect(md.attachments).toEqual([
      { path: `attachments/${img.id}.png`, mimeType: 'image/png', dataBase64: b64(png) },
      { path: `attachments/${pdf.id}.pdf`, mimeType: 'application/pdf', dataBase64: b64(PDF) },
    ]);
  });
});

describe('a custom endpoint that does not say what its models take', () => {
  const image: AttachmentRef = { id: 'a1', kind: 'image', mime: 'image/png', name: 'shot.png', bytes: 10, width: 2, height: 2 };
  const local = { kind: 'openai' as const, name: 'Local', options: {} };
  const refuse = (model: ReturnType<typeof modelInfo> | null, provider: ProviderLike) => {
    try {
      assertModelTakes(model, 'gpt-4o-mini', [image], { models: [], providerId: 'custom-1', providerName: () => null }, provider);
    } catch (err) {
      return (err as Error).message;
    }
    return null;
  };

  it('the refusal says how to tell Parley that its models see images', () => {
    const listed = modelInfo('custom-1', 'gpt-4o-mini');
    expect(refuse(listed, local)).toBe(
      'gpt-4o-mini cannot see images. Local does not say which of its models take images; if this one does, turn on “Its models can see images” for it in Settings. Remove the attachment to send the text alone.',
    );
    // A built-in provider says what its models take: no hint.
    expect(refuse(listed, { kind: 'nanogpt', name: 'NanoGPT', options: {} })).not.toContain('Settings');
    // A model the list leaves out (a typed default model, or an endpoint with no list) gets the
    // hint too: the switch covers it.
    expect(refuse(null, local)).toBe(
      'gpt-4o-mini cannot see images (it is not in the model list, so what it takes is unknown). Local does not say which of its models take images; if this one does, turn on “Its models can see images” for it in Settings. Remove the attachment to send the text alone.',
    );
    // Once the model takes images, or the user said the endpoint's models do, nothing is refused,
    // listed or not. The switch says nothing of a built-in provider's models.
    expect(refuse({ ...listed, capabilities: { ...listed.capabilities, vision: true } }, local)).toBeNull();
    expect(refuse(listed, { ...local, options: { modelsSeeImages: true } })).toBeNull();
    expect(refuse(null, { ...local, options: { modelsSeeImages: true } })).toBeNull();
    expect(refuse(null, { kind: 'nanogpt', name: 'NanoGPT', options: { modelsSeeImages: true } })).toContain('cannot see images');
  });
});
