import type { Message } from '../../../../shared/domain';

/** Copy, regenerate, edit and delete for one message (issue 6). */
export function MessageActions(_props: { message: Message }) {
  return null;
}
