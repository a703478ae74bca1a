// An attached image at full size, in the app's modal dialog (Escape or a click outside closes it).
import { Dialog } from '../common/Dialog';

export function ImageViewer({ url, name, onClose }: { url: string; name: string; onClose(): void }) {
  return (
    <Dialog title={name} onClose={onClose} className="image-viewer">
      <div className="image-viewer-frame">
        <img src={url} alt={name} />
      </div>
    </Dialog>
  );
}
