// A stream frame as it may be stored, sent to the window and exported.
import { clipText, type StreamFrame } from '../../../shared/domain';

/** A provider's error text as kept with the reply (its record holds 4,000 characters). */
const ERROR_CHARS = 2000;

/**
 * Error text redacted (a key the provider echoed never leaves main) and then cut, so a key
 * across the cut is still caught: providers have sent error pages of megabytes.
 */
export function scrubFrame(f: StreamFrame, redact: (text: string) => string): StreamFrame {
  if (f.type !== 'error' && f.type !== 'retry') return f;
  return { ...f, error: { ...f.error, code: clipText(f.error.code, 100), message: clipText(redact(f.error.message), ERROR_CHARS) } };
}
