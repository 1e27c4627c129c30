import type { ReactNode } from 'react';
import { messageMaxLength } from '@/lib/untrusted-text';
import { UntrustedText } from './untrusted-text';

/** Errors are announced: role="alert" is part of the QA contract. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
      {children}
    </p>
  );
}

/**
 * An error sentence that may carry words from outside (the SDK's or a backend's message, echoed input):
 * cleaned, isolated and capped like any other untrusted text.
 */
export function MessageAlert({ message }: { message: string }) {
  return (
    <Alert>
      <UntrustedText text={message} maxLength={messageMaxLength} what="message" />
    </Alert>
  );
}
