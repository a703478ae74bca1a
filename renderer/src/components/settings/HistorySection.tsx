// Settings → History: export all, import, recently deleted (restore), and automatic
// verification of Private replies (issues 6 and 9).
import { useEffect, useRef, useState } from 'react';
import type { TrashedConversation } from '../../../../shared/contract/conversations';
import { api, errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useSettings } from '../../stores/settings';
import { useUi } from '../../stores/ui';
import { exportAll } from '../sidebar/export';
import '../../styles/history.css';

type ImportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function HistorySection() {
  return (
    <>
      <section className="settings-section" aria-labelledby="history-heading">
        <h3 id="history-heading">History</h3>
        <p className="section-note">Conversations are stored on this computer. Exports never contain API keys.</p>
        <ExportAll />
        <ImportFile />
        <RecentlyDeleted />
      </section>
      <VerifySetting />
    </>
  );
}

function ExportAll() {
  const [thinking, setThinking] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await exportAll(thinking);
    } catch (err) {
      useUi.getState().toast('error', `Could not export: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="history-row">
      <div className="history-row-text">
        <span className="history-row-title">Export all conversations</span>
        <span className="history-row-note">One JSON file that Parley can import again.</span>
      </div>
      <label className="h-check">
        <input type="checkbox" checked={thinking} onChange={(e) => setThinking(e.target.checked)} />
        Include thinking
      </label>
      <button type="button" className="button small" onClick={() => void run()} disabled={busy}>
        Export all
      </button>
    </div>
  );
}

function ImportFile() {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const run = async (file: File) => {
    setState({ kind: 'busy' });
    try {
      const r = await api('history.import', { content: await file.text() });
      const skipped = r.skipped ? `; ${plural(r.skipped, 'conversation was', 'conversations were')} already here and skipped` : '';
      setState({ kind: 'done', text: `Imported ${plural(r.conversations, 'conversation', 'conversations')} and ${plural(r.messages, 'message', 'messages')}${skipped}.` });
      await useConversations.getState().load();
    } catch (err) {
      setState({ kind: 'error', text: `Nothing was imported. ${errorMessage(err)}` });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <div className="history-row">
        <div className="history-row-text">
          <span className="history-row-title">Import</span>
          <span className="history-row-note">A Parley JSON export; conversations already here are skipped.</span>
        </div>
        <label className="button small file-button">
          {state.kind === 'busy' ? 'Importing…' : 'Choose file…'}
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            aria-label="Import conversations from a file"
            disabled={state.kind === 'busy'}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void run(file);
            }}
          />
        </label>
      </div>
      {state.kind === 'done' && (
        <p className="history-result ok" role="status">
          {state.text}
        </p>
      )}
      {state.kind === 'error' && (
        <p className="form-error" role="alert">
          {state.text}
        </p>
      )}
    </>
  );
}

function RecentlyDeleted() {
  const [trash, setTrash] = useState<TrashedConversation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Reload when the conversation list changes (a delete elsewhere, an undo, a restore here).
  const count = useConversations((s) => s.list.length);
  useEffect(() => {
    let live = true;
    api('conversations.listTrash', {})
      .then((t) => live && setTrash(t))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [count]);
  const restore = async (c: TrashedConversation) => {
    try {
      await useConversations.getState().restore(c.id);
      setTrash((t) => t?.filter((x) => x.id !== c.id) ?? null);
    } catch (err) {
      useUi.getState().toast('error', `Could not restore “${c.title}”: ${errorMessage(err)}`);
    }
  };
  return (
    <div className="trash" role="group" aria-labelledby="trash-heading">
      <h4 id="trash-heading" className="trash-heading">
        Recently deleted
      </h4>
      {error ? (
        <p className="form-error">{error}</p>
      ) : !trash ? null : trash.length === 0 ? (
        <p className="history-row-note">Nothing here. Deleted conversations stay for 30 days.</p>
      ) : (
        <ul className="trash-list" aria-label="Recently deleted conversations">
          {trash.map((c) => (
            <li key={c.id}>
              <span className="trash-title" title={c.title}>
                {c.title || 'Untitled'}
              </span>
              <span className="trash-when">{new Date(c.deletedAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}</span>
              <button type="button" className="button small ghost" aria-label={`Restore ${c.title || 'Untitled'}`} onClick={() => void restore(c)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VerifySetting() {
  const on = useSettings((s) => s.settings?.autoVerify ?? true);
  const change = (autoVerify: boolean) =>
    void useSettings
      .getState()
      .update({ autoVerify })
      .catch((err: unknown) => useUi.getState().toast('error', `Could not save the setting: ${errorMessage(err)}`));
  return (
    <section className="settings-section" aria-labelledby="verify-heading">
      <h3 id="verify-heading">Verification</h3>
      <label className="field inline switch-field">
        <span>
          Verify Private replies automatically
          <small id="verify-note" className="history-row-note">
            Checks NEAR AI Cloud’s TEE signature and attestation after each Private reply.
          </small>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="toggle-switch"
          aria-label="Verify Private replies automatically"
          aria-describedby="verify-note"
          checked={on}
          onChange={(e) => change(e.target.checked)}
        />
      </label>
    </section>
  );
}
