import { useUi } from '../../stores/ui';
import { CloseIcon } from '../common/Dialog';

export interface SendProblem {
  code: string;
  message: string;
}

/** A failed send, above the composer, with the one action most likely to fix it. */
export function SendError({ problem, onDismiss }: { problem: SendProblem; onDismiss(): void }) {
  const { openSettings, openModelPicker } = useUi.getState();
  const aboutModel = /model/i.test(problem.code) || /choose a model|no model/i.test(problem.message);
  const aboutConnection = problem.code === 'disconnected';
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
