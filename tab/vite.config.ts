import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The portal is served by teams-app under /tab, so every asset URL starts there. */
export default defineConfig({
  base: '/tab/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
