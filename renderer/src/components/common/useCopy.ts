import { useEffect, useState } from 'react';
import { copyText } from './copy-text';

/** Copies text and says so for a moment: `[copied, copy]`; `copy` rejects if the clipboard refuses. */
export function useCopy(): [boolean, (text: string) => Promise<void>] {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  const copy = async (text: string) => {
    await copyText(text);
    setCopied(true);
  };
  return [copied, copy];
}
