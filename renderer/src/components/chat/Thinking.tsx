import { useId, useState } from 'react';
import { ChevronIcon } from '../common/icons';

interface Props {
  text: string;
  streaming: boolean;
  /** The answer has started: the disclosure folds unless the user opened it. */
  answering: boolean;
}

export function Thinking({ text, streaming, answering }: Props) {
  const [userOpen, setUserOpen] = useState<boolean | null>(null);
  const bodyId = useId();
  const live = streaming && !answering;
  const open = userOpen ?? live;
  return (
    <div className={`thinking${open ? ' open' : ''}`}>
      <button type="button" className="thinking-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setUserOpen(!open)}>
        <ChevronIcon />
        Thinking
        {live && <span className="thinking-live" aria-hidden="true" />}
      </button>
      {open && (
        <div id={bodyId} className="thinking-body">
          {text}
        </div>
      )}
    </div>
  );
}
