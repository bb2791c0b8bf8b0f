/**
 * An error boundary around one panel: if the panel throws while rendering, it shows
 * what went wrong in that panel's place, with a way to try again, and every other
 * panel keeps working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface PanelBoundaryProps {
  /** The panel's name, for the message. */
  readonly name: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

export class PanelBoundary extends Component<PanelBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The message is shown in the panel itself; nothing else needs to know.
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div role="alert" className="panel-error">
        <p>
          The {this.props.name} panel stopped working: {error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
