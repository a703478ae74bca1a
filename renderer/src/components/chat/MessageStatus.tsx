import { useEffect, useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { useMessages } from '../../stores/messages';

export function MessageStatus({ message }: { message: Message }) {
  const retry = useMessages((s) => s.retry[message.id]);
  if (message.status === 'streaming' && retry) return <RetryNote at={retry.at} reason={retry.message} />;
  if (message.status === 'error') {
    return (
      <div className="callout error" role="alert">
        <strong>{message.error?.status ? `Error ${message.error.status}` : 'The reply failed'}</strong>
        <span>{message.error?.message ?? 'The provider returned an error.'}</span>
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

function RetryNote({ at, reason }: { at: number; reason: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return (
    <div className="callout info" role="status">
      <strong>{seconds > 0 ? `Retrying in ${seconds}s…` : 'Retrying…'}</strong>
      <span>{reason}</span>
    </div>
  );
}
