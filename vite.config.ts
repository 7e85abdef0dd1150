import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain static files: loaded from disk by Electron and served by browser mode alike.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
});
