// The in-memory truth of one streaming reply. Frames fold into it; the database and
// the renderer are both fed from here, so neither can lose what the other saw.
import type { ApiErrorInfo, Fallback, StreamFrame, Timings, Usage } from '../../../shared/domain';

export class ReplyState {
  content = '';
  reasoning = '';
  usage: Usage | null = null;
  reportedCostUsd: number | null = null;
  error: ApiErrorInfo | null = null;
  servedModel: string | null = null;
  completionId: string | null = null;
  fallback: Fallback | null = null;
  /** The provider answered 2xx: a reply stopped before any text may still have been billed. */
  accepted = false;
  timings: Timings;

  constructor(startedAt = Date.now()) {
    this.timings = { startedAt, firstTokenAt: null, reasoningStartedAt: null, contentStartedAt: null, finishedAt: null };
  }

  apply(f: StreamFrame, now = Date.now()): void {
    switch (f.type) {
      case 'content':
        this.timings.firstTokenAt ??= now;
        this.timings.contentStartedAt ??= now;
        this.content += f.text;
        break;
      case 'reasoning':
        this.timings.firstTokenAt ??= now;
        this.timings.reasoningStartedAt ??= now;
        this.reasoning += f.text;
        break;
      case 'usage':
        this.usage = f.usage;
        this.reportedCostUsd = f.reportedCostUsd ?? this.reportedCostUsd;
        break;
      case 'meta':
        this.completionId = f.completionId ?? this.completionId;
        this.servedModel = f.servedModel ?? this.servedModel;
        this.fallback = f.fallback ?? this.fallback;
        break;
      case 'error':
        // The first error explains what went wrong; later ones are consequences.
        this.error ??= f.error;
        break;
      case 'retry':
      case 'done':
        break;
    }
  }
}
