import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useToasts } from '../../renderer/app/useToasts';

afterEach(() => {
  cleanup();
  localStorage.clear();
  // Toasts live in a module-level store: one test's errors must not show up in the next.
  useToasts.setState({ toasts: [] });
});
