import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api, ApiCallError, errorMessage } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useMessages } from '../../stores/messages';
import { ArrowUpIcon, StopIcon } from '../common/icons';
import { ComposerCost } from '../cost/ComposerCost';
import { ThinkingControl } from '../thinking/ThinkingControl';
import { ComposerAttachments } from '../attachments/ComposerAttachments';
import { attachmentIdsFor, useAttachments } from '../../stores/attachments';
import { SendError, type SendProblem } from './SendError';

const drafts = new Map<string, string>();

export function Composer({ conversationId }: { conversationId: string }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === conversationId));
  // While "New conversation" is on its way, this composer (of the conversation still shown) is
  // closed: a message typed then belongs to the new one, not here.
  const leaving = useConversations((s) => s.creating);
  const streamingId = useMessages((s) => s.streaming[conversationId] ?? null);
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<SendProblem | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const hasModel = Boolean(conversation?.modelId);
  // A file still being checked is not yet part of the message: sending now would leave it out.
  const checking = useAttachments((s) => (s.pending[conversationId] ?? []).some((p) => p.status === 'checking'));

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  const update = (value: string) => {
    setText(value);
    drafts.set(conversationId, value);
  };

  const send = async (opts: { sendAnyway?: boolean; text?: string } = {}) => {
    const body = (opts.text ?? text).trim();
    if (!body || sending || streamingId || leaving || checking) return;
    if (!hasModel) {
      setProblem({ code: 'no_model', message: 'Choose a model for this conversation first.' });
      return;
    }
    setSending(true);
    setProblem(null);
    // Clear at once so typing during the round trip is kept; put the text back if the send fails.
    if (opts.text === undefined) update('');
    try {
      const { user, assistant } = await api('chat.send', { conversationId, text: body, ...attachmentIdsFor(conversationId), ...(opts.sendAnyway ? { sendAnyway: true } : {}) });
      if (opts.text !== undefined && (drafts.get(conversationId) ?? '').trim() === body) update('');
      const store = useMessages.getState();
      store.upsert(user);
      store.upsert(assistant);
    } catch (err) {
      if (!(drafts.get(conversationId) ?? '').trim()) update(body);
      // A held send keeps its text, so "Send anyway" sends exactly what was held.
      setProblem(err instanceof ApiCallError ? { code: err.code, message: err.message, text: body } : { code: 'unknown', message: errorMessage(err) });
    } finally {
      setSending(false);
      ref.current?.focus();
    }
  };

  const stop = () => {
    if (!streamingId) return;
    api('chat.stop', { messageId: streamingId }).catch((err) => setProblem({ code: 'stop_failed', message: errorMessage(err) }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  const canSend = text.trim().length > 0 && hasModel && !sending && !leaving && !checking;
  return (
    <div className="composer-area">
      {problem && <SendError problem={problem} onDismiss={() => setProblem(null)} onSendAnyway={(held) => void send({ sendAnyway: true, text: held })} />}
      <form
        className="composer"
        aria-label="Compose a message"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <ComposerAttachments conversationId={conversationId} />
        <textarea
          id="composer-input"
          ref={ref}
          aria-label="Message"
          placeholder={hasModel ? 'Message' : 'Choose a model to start'}
          rows={1}
          value={text}
          disabled={leaving}
          onChange={(e) => update(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="composer-actions">
          <ThinkingControl conversationId={conversationId} />
          <span className="composer-hint" aria-hidden="true">
            {checking ? 'Checking the attachment…' : text.trim() ? '' : 'Enter to send · Shift+Enter for a new line'}
          </span>
          <ComposerCost conversationId={conversationId} text={text} />
          {streamingId ? (
            <button type="button" className="send-button stop" onClick={stop}>
              <StopIcon />
              <span>Stop</span>
            </button>
          ) : (
            <button type="submit" className="send-button" disabled={!canSend}>
              <ArrowUpIcon />
              <span>Send</span>
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
