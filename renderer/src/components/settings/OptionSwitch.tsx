// A provider option as a switch: shown flipped at once, saved in order, put back if a save fails.
import { useState } from 'react';

interface Props {
  label: string;
  note: string;
  on: boolean;
  /** Saves the new value; a rejection puts the switch back (the caller shows the error). */
  save(on: boolean): Promise<unknown>;
}

export function OptionSwitch({ label, note, on: saved, save }: Props) {
  const [on, setOn] = useState(saved);
  return (
    <label className="provider-option">
      {/* Never disabled while saving: a focused control that turns disabled drops keyboard focus
          (and with it Escape for the dialog). Every flip is saved, in order; the last one wins. */}
      <input
        type="checkbox"
        role="switch"
        className="toggle-switch"
        checked={on}
        onChange={(e) => {
          const next = e.target.checked;
          setOn(next);
          save(next).catch(() => setOn(!next));
        }}
      />
      <span>
        {label}
        <span className="provider-option-note">{note}</span>
      </span>
    </label>
  );
}
