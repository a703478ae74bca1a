import { useUi } from '../../stores/ui';
import { CloseIcon } from '../common/Dialog';
import '../../styles/cost.css';

export interface SendProblem {
  code: string;
  message: string;
  /** The text of the send that failed (for "Send anyway" after a budget hold). */
  text?: string;
}

/** A failed send, above the composer, with the one action most likely to fix it. */
export function SendError({ problem, onDismiss, onSendAnyway }: { problem: SendProblem; onDismiss(): void; onSendAnyway(text: string): void }) {
  const { openSettings, openModelPicker } = useUi.getState();
  const aboutModel = /model/i.test(problem.code) || problem.code === 'not_private' || /choose a model|no model/i.test(problem.message);
  const aboutConnection = problem.code === 'disconnected';
  if (problem.code === 'over_budget' && problem.text) {
    const held = problem.text;
    return (
      <div className="send-error held" role="alert">
        <span className="send-error-text">{problem.message}</span>
        <button type="button" className="button small" onClick={() => onSendAnyway(held)}>
          Send anyway
        </button>
        <button type="button" className="icon-button" onClick={onDismiss}>
          <CloseIcon />
          <span className="sr-only">Dismiss</span>
        </button>
      </div>
    );
  }
  return (
    <div className="send-error" role="alert">
      <span className="send-error-text">{problem.message}</span>
      {!aboutConnection &&
        (aboutModel ? (
          <button type="button" className="button small" onClick={() => openModelPicker()}>
            Choose model
          </button>
        ) : (
          <button type="button" className="button small" onClick={() => openSettings()}>
            Check providers
          </button>
        ))}
      <button type="button" className="icon-button" onClick={onDismiss}>
        <CloseIcon />
        <span className="sr-only">Dismiss</span>
      </button>
    </div>
  );
}
