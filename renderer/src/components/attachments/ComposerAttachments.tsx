// The composer's attachments: an "Attach" button (file picker), paste and drag-and-drop
// anywhere on the composer, thumbnails with a remove button, and — when the conversation's
// model cannot take what is attached — why, with a way to pick a model that can.
// Rendered by Composer in one line; the Attach button is placed in the composer's action
// row through a portal so the composer's own layout stays untouched.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { findModel, useCatalog } from '../../stores/catalog';
import { useConversations } from '../../stores/conversations';
import { providerById, useProviders } from '../../stores/providers';
import { imagesUnsaidHint, takesFiles, takesImages } from '../../../../shared/catalog/takes';
import { openSettingsAt } from '../settings/open-settings';
import { ACCEPT, useAttachments, usePending, type PendingAttachment } from '../../stores/attachments';
import { useUi } from '../../stores/ui';
import { formatBytes } from './format';
import { CloseIcon, DocumentIcon, PaperclipIcon } from './icons';
import '../../styles/attachments.css';

export function ComposerAttachments({ conversationId }: { conversationId: string }) {
  const pending = usePending(conversationId);
  const add = useAttachments((s) => s.add);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [actions, setActions] = useState<HTMLElement | null>(null);
  const [dragging, setDragging] = useState(false);

  // The composer form: paste and drops anywhere on it attach files.
  useLayoutEffect(() => {
    const form = root.current?.closest('form');
    setActions(form?.querySelector<HTMLElement>('.composer-actions') ?? null);
  }, []);

  useEffect(() => {
    const form = root.current?.closest('form');
    if (!form) return;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const onPaste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0) return; // plain text pastes as usual
      e.preventDefault();
      void add(conversationId, files);
    };
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (!form.contains(e.relatedTarget as Node | null)) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      setDragging(false);
      if (!hasFiles(e)) return;
      e.preventDefault();
      void add(conversationId, Array.from(e.dataTransfer!.files));
    };
    form.addEventListener('paste', onPaste);
    form.addEventListener('dragover', onDragOver);
    form.addEventListener('dragleave', onDragLeave);
    form.addEventListener('drop', onDrop);
    return () => {
      form.removeEventListener('paste', onPaste);
      form.removeEventListener('dragover', onDragOver);
      form.removeEventListener('dragleave', onDragLeave);
      form.removeEventListener('drop', onDrop);
    };
  }, [add, conversationId]);

  const button = (
    <button type="button" className="attach-button" aria-label="Attach" title="Attach images or PDFs (or paste, or drop them here)" onClick={() => input.current?.click()}>
      <PaperclipIcon />
    </button>
  );

  return (
    <div ref={root} className={`composer-attachments${dragging ? ' dropping' : ''}`}>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        aria-label="Files to attach"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) void add(conversationId, files);
        }}
      />
      {actions && createPortal(button, actions)}
      {dragging && (
        <div className="attach-drop-hint" aria-hidden="true">
          Drop images or PDFs to attach
        </div>
      )}
      {pending.length > 0 && (
        <>
          <ul className="attach-list" aria-label="Attachments">
            {pending.map((p) => (
              <PendingItem key={p.key} item={p} conversationId={conversationId} />
            ))}
          </ul>
          <CapabilityNote conversationId={conversationId} pending={pending} />
        </>
      )}
    </div>
  );
}

function PendingItem({ item, conversationId }: { item: PendingAttachment; conversationId: string }) {
  const remove = useAttachments((s) => s.remove);
  const isImage = item.ref ? item.ref.kind === 'image' : item.type.startsWith('image/');
  return (
    <li className={`attach-item ${item.status}`} title={item.error ?? item.name}>
      {item.status === 'refused' ? (
        <span className="attach-refused">
          <span className="attach-name">{item.name}</span>
          <span className="attach-error" role="alert">
            {item.error}
          </span>
        </span>
      ) : isImage && item.previewUrl ? (
        <img className="attach-thumb" src={item.previewUrl} alt={item.name} />
      ) : (
        <span className="attach-file">
          <DocumentIcon />
          <span className="attach-file-text">
            <span className="attach-name">{item.name}</span>
            {item.ref && <span className="attach-size">{formatBytes(item.ref.bytes)}</span>}
          </span>
        </span>
      )}
      {item.status === 'checking' && <span className="attach-busy" role="status" aria-label={`Checking ${item.name}`} />}
      <button type="button" className="attach-remove" aria-label={`Remove ${item.name}`} onClick={() => remove(conversationId, item.key)}>
        <CloseIcon />
      </button>
    </li>
  );
}

/** Why the conversation's model cannot take what is attached (main refuses such a send), and a way out. */
function CapabilityNote({ conversationId, pending }: { conversationId: string; pending: PendingAttachment[] }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === conversationId));
  const model = useCatalog((s) => findModel(s.models, conversation?.providerId ?? null, conversation?.modelId ?? null));
  const openPicker = useUi((s) => s.openModelPicker);
  const provider = useProviders((s) => providerById(s.list, conversation?.providerId));
  const ready = pending.filter((p) => p.ref);
  const images = ready.some((p) => p.ref!.kind === 'image');
  const files = ready.some((p) => p.ref!.kind === 'file');
  const modelId = conversation?.modelId;
  if (!modelId || ready.length === 0) return null;
  const name = model?.name || modelId;
  const noImages = images && !takesImages(model, provider);
  if (!noImages && !(files && !takesFiles(model))) return null;
  const why = !model
    ? `${name} is not in the model list, so it cannot be sent ${noImages ? 'images' : 'PDFs'}.`
    : noImages
      ? `${name} cannot see images.`
      : `${name} cannot read PDFs.`;
  // Images missing wins: a vision model is what most people are after.
  const needPdf = !noImages;
  // A custom endpoint says nothing of what its models take: the user may know better.
  const unsaid = noImages ? imagesUnsaidHint(provider) : null;
  return (
    <div className="attach-note" role="status">
      <span>
        {why}
        {unsaid && ` ${unsaid}`}
      </span>
      {unsaid && provider && (
        <button type="button" className="attach-note-action" onClick={() => openSettingsAt(`li[aria-label="${CSS.escape(provider.name)}"] input[role="switch"]`)}>
          Open Settings
        </button>
      )}
      <button type="button" className="attach-note-action" onClick={() => openPicker(true, needPdf ? { pdf: true } : { vision: true })}>
        {needPdf ? 'Choose a model that reads PDFs' : 'Choose a vision model'}
      </button>
    </div>
  );
}
