// React unmounts the whole window on an error it can't place; a boundary keeps the failure
// where it happened (one message, one dialog) and says so, and the rest of the app works on.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import '../../styles/errors.css';

interface Props {
  children: ReactNode;
  /** What shows instead of the children; `reset` renders them again. */
  fallback(error: Error, reset: () => void): ReactNode;
  /** When this changes, the children are tried again (a message that failed once may render now). */
  resetKey?: unknown;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Parley: a part of the window failed to render', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props, prevState: { error: Error | null }): void {
    // Only an error already shown before this update: the update that caught it carries the
    // new key too, and resetting then would render the failing children twice per change.
    if (prevState.error && this.state.error && prev.resetKey !== this.props.resetKey) this.reset();
  }

  private readonly reset = () => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
