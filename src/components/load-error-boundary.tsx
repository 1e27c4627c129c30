import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, for the sentence (e.g. "Call history"); without it, "Part of the softphone". */
  what?: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
}

/**
 * A part of the app that fails to load or render (most often a lazy chunk that could not be fetched: a network
 * blip, or a new release) shows a way forward instead of a blank page, and only that part: the calls around
 * it stay usable. Class component: React has no hook for error boundaries.
 */
export class LoadErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.what ?? 'Softphone view'} failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="rounded-2xl bg-white p-5 text-sm text-rose-800 shadow-sm ring-1 ring-rose-200">
        <p>{this.props.what ?? 'Part of the softphone'} could not be shown (a network problem, or a new version was just released).</p>
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="mt-3 rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-500"
        >
          Reload the page
        </button>
      </div>
    );
  }
}
