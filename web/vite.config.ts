import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by the gateway at / (same origin as /graphql); `npm run dev -w web` proxies the API to a gateway on :4000.
export default defineConfig({
  plugins: [react()],
  // The purposes of use come from @jiuye/common/purposes (compiled CommonJS, a linked workspace): the dev server pre-bundles it into ESM.
  optimizeDeps: { include: ['@jiuye/common/purposes'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: Object.fromEntries(['/graphql', '/exports', '/imports', '/auth'].map((path) => [path, 'http://127.0.0.1:4000'])),
  },
});
