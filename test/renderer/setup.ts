import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { deferredWrites } from '../../renderer/api/afterPaint';
import { useToasts } from '../../renderer/app/useToasts';

afterEach(async () => {
  // A write drawn ahead goes out after the next frame: it belongs to the test that made it, and must
  // reach that test's fake backend, not the next one's.
  await deferredWrites();
  cleanup();
  localStorage.clear();
  // Toasts live in a module-level store: one test's errors must not show up in the next.
  useToasts.setState({ toasts: [] });
});
