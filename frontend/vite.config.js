import { defineConfig } from 'vite';

// Built into the jar's static resources: the app serves them at /vidcastx/* and Vaadin views load
// them with Page.addJavaScript("context://vidcastx/..."), so Vaadin never has to re-bundle.
export default defineConfig({
  build: {
    outDir: 'target/classes/META-INF/resources/vidcastx',
    emptyOutDir: true,
    lib: {
      entry: 'src/vidcastx.js',
      name: 'Vidcastx',
      formats: ['iife'],
      fileName: () => 'vidcastx.js',
    },
  },
});
