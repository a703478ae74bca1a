// Bytes → SSE event data, with eventsource-parser. The decoder runs in streaming mode,
// so a UTF-8 character split across reads is joined before parsing.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export class SseDecoder {
  private decoder = new TextDecoder('utf-8');
  private queue: string[] = [];
  private parser = createParser({
    onEvent: (e: EventSourceMessage) => {
      if (e.event === undefined || e.event === 'message' || e.event === 'error') this.queue.push(e.data);
    },
  });

  push(bytes: Uint8Array): string[] {
    this.parser.feed(this.decoder.decode(bytes, { stream: true }));
    return this.drain();
  }

  /** Per the SSE spec, an event without its closing blank line is incomplete and dropped. */
  end(): string[] {
    this.parser.feed(this.decoder.decode());
    return this.drain();
  }

  private drain(): string[] {
    const out = this.queue;
    this.queue = [];
    return out;
  }
}
