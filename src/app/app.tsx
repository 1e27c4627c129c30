import { lazy, Suspense, type ReactNode } from 'react';
import { retryingImport } from '@/lib/retrying-import';
import { Button } from '@/components/button';
import { UntrustedText } from '@/components/untrusted-text';
import { AppErrorBoundary } from './app-error-boundary';
import { SignInForm } from '@/features/auth/sign-in-form';
import { ConnectionStatus } from '@/features/connection/connection-status';
import { selectAgent, selectIsSignedIn } from '@/store/selectors';
import { useSoftphone, useSoftphoneActions } from '@/store/use-softphone';

const AgentWorkspace = lazy(() => retryingImport(() => import('./agent-workspace')));

export interface AppProps {
  /** Called when the agent starts to sign in, to fetch what the signed-in screen needs ahead of time. */
  onSignInIntent?: () => void;
  /** Demo mode's simulator panel; absent in live builds. */
  sidePanel?: ReactNode;
  /** The signed-out screen; by default the agent-name form (the demo, and the seed backend's key). */
  signInScreen?: ReactNode;
}

export function App({ onSignInIntent, sidePanel, signInScreen }: AppProps) {
  const signedIn = useSoftphone(selectIsSignedIn);
  const agent = useSoftphone(selectAgent);
  const { signOut } = useSoftphoneActions();

  return (
    <div className="min-h-screen bg-slate-100">
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 bg-white px-6 py-3 shadow-sm">
        <h1 className="font-semibold text-slate-900">Agent softphone</h1>
        <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
          {/* The name as the token backend spelled it. */}
          {signedIn && agent && <UntrustedText text={agent.userName} what="agent name" overlay className="text-sm text-slate-700" />}
          <ConnectionStatus />
          {signedIn && (
            <Button variant="secondary" onClick={() => void signOut()}>
              Sign out
            </Button>
          )}
        </div>
      </header>
      <div className="mx-auto grid max-w-5xl gap-6 p-6 md:grid-cols-[minmax(0,1fr)_20rem]">
        <main>
          <AppErrorBoundary>
            {signedIn ? (
              <Suspense fallback={<p className="text-slate-600">Loading your workspace…</p>}>
                <AgentWorkspace />
              </Suspense>
            ) : (
              (signInScreen ?? <SignInForm onIntent={onSignInIntent} />)
            )}
          </AppErrorBoundary>
        </main>
        {sidePanel && (
          <aside>
            <AppErrorBoundary>{sidePanel}</AppErrorBoundary>
          </aside>
        )}
      </div>
    </div>
  );
}
