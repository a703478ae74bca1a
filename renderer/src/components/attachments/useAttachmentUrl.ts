// A sent attachment's bytes as a blob: URL, fetched once per id (attachments never change)
// and kept for the session, so scrolling back and forth never refetches a thumbnail.
import { useEffect, useState } from 'react';
import { api } from '../../bridge';

const cache = new Map<string, Promise<string>>();

function load(id: string): Promise<string> {
  let p = cache.get(id);
  if (!p) {
    p = api('attachments.get', { id }).then(({ mime, dataBase64 }) => {
      const bin = atob(dataBase64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return URL.createObjectURL(new Blob([bytes], { type: mime }));
    });
    // A failure is not cached: the next mount tries again.
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export function useAttachmentUrl(id: string): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ id: string; url: string | null; failed: boolean }>({ id, url: null, failed: false });
  useEffect(() => {
    let live = true;
    load(id).then(
      (url) => live && setState({ id, url, failed: false }),
      () => live && setState({ id, url: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state.id === id ? state : { url: null, failed: false };
}
