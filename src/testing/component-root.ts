import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

export interface ComponentRoot {
  /** The element the components render into, in the document. */
  readonly container: HTMLDivElement;
  readonly root: Root;
}

/**
 * A fresh React root in a fresh container, in the document, for each test of the file (call it at the top of a
 * test file); unmounted and removed after each test.
 */
export function componentRoot(): ComponentRoot {
  let container: HTMLDivElement | undefined;
  let root: Root | undefined;
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
  });
  const current = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('componentRoot: used outside a test');
    return value;
  };
  return {
    get container() {
      return current(container);
    },
    get root() {
      return current(root);
    },
  };
}
