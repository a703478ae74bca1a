import { useState } from 'react';
import { errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { Dialog } from '../common/Dialog';
import { FormFooter } from '../common/FormFooter';
import { exportConversation } from './export';
import { useSidebar } from './sidebar-store';

/** Export one conversation as Markdown (to read) or JSON (to import again). */
export function ExportDialog({ id }: { id: string }) {
  const title = useConversations((s) => s.list.find((c) => c.id === id)?.title) || 'Untitled';
  const [format, setFormat] = useState<'markdown' | 'json'>('markdown');
  const [thinking, setThinking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => useSidebar.getState().openExport(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await exportConversation(id, format, thinking);
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Export conversation" onClose={close} className="export-dialog">
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <p className="export-subject">{title}</p>
        <fieldset className="export-formats">
          <legend className="sr-only">Format</legend>
          <label className={`export-format${format === 'markdown' ? ' chosen' : ''}`}>
            <input type="radio" name="format" checked={format === 'markdown'} onChange={() => setFormat('markdown')} />
            <span>
              <strong>Markdown</strong>
              <small>To read or share; not for import</small>
            </span>
          </label>
          <label className={`export-format${format === 'json' ? ' chosen' : ''}`}>
            <input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} />
            <span>
              <strong>JSON</strong>
              <small>Everything, importable into Parley</small>
            </span>
          </label>
        </fieldset>
        <label className="h-check">
          <input type="checkbox" checked={thinking} onChange={(e) => setThinking(e.target.checked)} />
          Include thinking
        </label>
        <FormFooter error={error} busy={busy} submitLabel="Export" onCancel={close} />
      </form>
    </Dialog>
  );
}
