// A sent message's attachments: image thumbnails (click to see it full size) and PDF chips.
import { memo, useState } from 'react';
import type { AttachmentRef, Message } from '../../../../shared/domain';
import { formatBytes } from './format';
import { DocumentIcon } from './icons';
import { useAttachmentUrl } from './useAttachmentUrl';
import { ImageViewer } from './ImageViewer';
import '../../styles/attachments.css';

export const MessageAttachments = memo(function MessageAttachments({ message }: { message: Message }) {
  const list = message.attachments ?? [];
  if (list.length === 0) return null;
  return (
    <ul className="message-attachments" aria-label="Attachments">
      {list.map((a) => (
        <li key={a.id}>{a.kind === 'image' ? <ImageThumb item={a} /> : <FileChip item={a} />}</li>
      ))}
    </ul>
  );
});

function ImageThumb({ item: a }: { item: AttachmentRef }) {
  const { url, failed } = useAttachmentUrl(a.id);
  const [open, setOpen] = useState(false);
  // Reserve the box from the stored size so the list does not jump when the image arrives.
  const ratio = a.width && a.height ? a.width / a.height : 4 / 3;
  // Up to 180 px tall; tiny images are scaled up to stay findable.
  const h = Math.max(56, Math.min(180, a.height ?? 180));
  const w = Math.min(280, Math.round(h * ratio));
  if (failed) {
    return (
      <span className="message-attachment missing" title="The file is no longer in the data folder">
        {a.name} (missing)
      </span>
    );
  }
  return (
    <>
      <button type="button" className="message-attachment image" style={{ width: w, aspectRatio: String(ratio) }} aria-label={`Open ${a.name}`} onClick={() => setOpen(true)} disabled={!url}>
        {url && <img src={url} alt={a.name} draggable={false} />}
      </button>
      {open && url && <ImageViewer url={url} name={a.name} onClose={() => setOpen(false)} />}
    </>
  );
}

function FileChip({ item: a }: { item: AttachmentRef }) {
  const { url } = useAttachmentUrl(a.id);
  return (
    <a className="message-attachment file" href={url ?? undefined} download={a.name} aria-label={`Download ${a.name}`}>
      <DocumentIcon />
      <span className="attach-name">{a.name}</span>
      <span className="attach-size">{formatBytes(a.bytes)}</span>
    </a>
  );
}
