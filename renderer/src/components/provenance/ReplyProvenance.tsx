import type { Message } from '../../../../shared/domain';

/** Who answered: the model that served the reply (issue 3 adds privacy and fallback). */
export function ReplyProvenance({ message }: { message: Message }) {
  const model = message.modelServed ?? message.modelRequested;
  return model ? <span className="meta-model">{model}</span> : null;
}
