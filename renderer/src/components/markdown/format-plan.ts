// Which blocks of a reply are formatted in this render and which show as plain text for now.
// Pure, so the rules (frame budget, floods, walls of text) are tested without a browser.

/**
 * Characters of not-yet-formatted blocks formatted per animation frame (about 10 ms of
 * parsing, highlighting and DOM work on a slow machine). Blocks nearest the end come first:
 * that is where a reply is read while it streams and where a long one opens.
 */
export const FRAME_BUDGET_CHARS = 2000;
/**
 * A block this long is not worth formatting (a wall of text with no blank line: parsing it
 * would stall the page for seconds); it shows as plain text. While streaming, the growing
 * last block is re-parsed every frame, so there the limit is lower.
 */
export const PLAIN_OVER_CHARS = 50_000;
export const PLAIN_TAIL_OVER_CHARS = 16_000;
/**
 * While text streams in faster than a frame can format, only the growing last block is
 * formatted; the blocks it leaves behind stay plain until the stream slows or ends. Formatting
 * them mid-flood would take the CPU the stream itself needs (the host reading it shares the
 * machine), and nobody reads text that scrolls past at that speed.
 */
export const FLOOD_HOLD_MS = 150;

export interface FloodState {
  /** Text length at the last render. */
  length: number;
  /** Flooding until this time (performance.now()). */
  until: number;
  /** Whether the last render was flooded. */
  was: boolean;
}

export const initialFlood = (): FloodState => ({ length: 0, until: 0, was: false });

/**
 * Updates `state` for a render of `length` characters at `now`. `flooding`: text grew by more
 * than a frame's budget recently. `endOfFlood`: the reply just finished while flooded; that
 * render formats nothing new and formatting resumes in the frame after, so the finished reply
 * appears without waiting for a frame of parsing.
 */
export function floodStep(state: FloodState, streaming: boolean, length: number, now: number): { flooding: boolean; endOfFlood: boolean } {
  if (streaming && length - state.length > FRAME_BUDGET_CHARS) state.until = now + FLOOD_HOLD_MS;
  state.length = length;
  const flooding = streaming && now < state.until;
  const endOfFlood = !streaming && state.was;
  state.was = flooding;
  return { flooding, endOfFlood };
}

export type BlockShow = 'formatted' | 'plain';

/**
 * Per block, formatted or plain. `formatted` holds, per index, the text each block was last
 * formatted with; it is updated for the blocks formatted now. `pending`: some block waits for a
 * later frame.
 */
export function planBlocks(blocks: string[], formatted: string[], opts: { streaming: boolean; flooding: boolean; endOfFlood: boolean }): { show: BlockShow[]; pending: boolean } {
  const show: BlockShow[] = new Array(blocks.length);
  let pending = false;
  let budget = opts.flooding || opts.endOfFlood ? 0 : FRAME_BUDGET_CHARS;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const tail = i === blocks.length - 1;
    if (b.length > PLAIN_OVER_CHARS || (opts.streaming && tail && b.length > PLAIN_TAIL_OVER_CHARS)) {
      show[i] = 'plain';
      continue;
    }
    const done = formatted[i] === b;
    // The growing last block is formatted as it streams. In the frame that ends a flood it is
    // formatted only if it already was (plain for a frame would flash), not if it is new.
    if (done || (tail && (!opts.endOfFlood || formatted[i] !== undefined)) || budget > 0) {
      if (!done) budget -= b.length;
      formatted[i] = b;
      show[i] = 'formatted';
    } else {
      pending = true;
      show[i] = 'plain';
    }
  }
  formatted.length = blocks.length;
  return { show, pending };
}
