import { defineConfig } from 'vite';

// The player is its own file so the embed page loads only hls.js and a few lines of ours.
export default defineConfig({
  build: {
    outDir: 'target/classes/META-INF/resources/vidcastx',
    emptyOutDir: false,
    lib: {
      entry: 'src/player.js',
      name: 'VidcastxPlayer',
      formats: ['iife'],
      fileName: () => 'player.js',
    },
  },
});
