// A reply's state in place: the error a provider gave (with the one action that fixes it),
// a rate-limit countdown while the retry waits (cancellable), interrupted / stopped.
// The partial text stays above: this only adds a note under it.
import { useEffect, useState } from 'react';
import type { ApiErrorInfo, Message } from '../../../../shared/domain';
import { api, errorMessage } from '../../bridge';
import { useMessages } from '../../stores/messages';
import { useUi } from '../../stores/ui';
import '../../styles/provenance.css';

interface Explained {
  title: string;
  action: 'settings' | 'model' | null;
}

/** What a user should read first for each error the adapters map (electron/core/providers/http-errors.ts). */
function explain(error: ApiErrorInfo | null): Explained {
  switch (error?.code ?? (error?.status ? `http_${error.status}` : '')) {
    case 'unauthorized':
    case 'http_401':
      return { title: 'Key rejected', action: 'settings' };
    case 'payment_required':
    case 'http_402':
      return { title: 'Out of credit', action: 'settings' };
    case 'rate_limited':
    case 'http_429':
      return { title: 'Rate limited', action: null };
    case 'forbidden':
      return { title: 'Not allowed for this key', action: 'model' };
    case 'not_found':
      return { title: 'Model not found', action: 'model' };
    case 'no_key':
      return { title: 'No API key', action: 'settings' };
    default:
      return { title: 'The reply failed', action: null };
  }
}

export function MessageStatus({ message }: { message: Message }) {
  const retry = useMessages((s) => s.retry[message.id]);
  if (message.status === 'streaming' && retry) return <RetryNote messageId={message.id} at={retry.at} reason={retry.message} limited={retry.code === 'rate_limited' || /\b429\b|rate.?limit/i.test(retry.message)} />;
  if (message.status === 'error') {
    const { title, action } = explain(message.error);
    const status = message.error?.status;
    return (
      <div className="callout error" role="alert">
        <strong>
          {title}
          {status ? ` · Error ${status}` : ''}
        </strong>
        <span>{message.error?.message ?? 'The provider returned an error.'}</span>
        {action && (
          <div className="callout-actions">
            {action === 'settings' ? (
              <button type="button" className="button small" onClick={() => useUi.getState().openSettings()}>
                Open Settings
              </button>
            ) : (
              <button type="button" className="button small" onClick={() => useUi.getState().openModelPicker()}>
                Choose model
              </button>
            )}
          </div>
        )}
      </div>
    );
  }
  if (message.status === 'interrupted') {
    return (
      <div className="callout warning">
        <strong>Interrupted</strong>
        <span>{message.error?.message ?? 'The app closed before this reply finished; the text received so far is kept.'}</span>
      </div>
    );
  }
  if (message.status === 'stopped') return <div className="status-tag">Stopped</div>;
  return null;
}

/** The provider's reason without its own "retry in N s": the heading counts down the real wait. */
const withoutWait = (reason: string) => reason.replace(/ — retry in \d+ s\b/, '');

function RetryNote({ messageId, at, reason, limited }: { messageId: string; at: number; reason: string; limited: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  const cancel = () => void api('chat.stop', { messageId }).catch((err) => useUi.getState().toast('error', `Could not cancel: ${errorMessage(err)}`));
  return (
    <div className="callout info retry-note" role="status">
      <strong>
        {limited ? 'Rate limited — ' : ''}
        {seconds > 0 ? `Retrying in ${seconds}s…` : 'Retrying…'}
      </strong>
      <span>{withoutWait(reason)}</span>
      <div className="callout-actions">
        <button type="button" className="button small" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
