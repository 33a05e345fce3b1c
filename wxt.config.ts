import { defineConfig } from 'wxt';

// Production permissions stay minimal; the e2e build (--mode e2e) adds host permissions because
// headless tests cannot click the toolbar to grant activeTab (see ../shared/platform-notes.md).
export default defineConfig({
  // LOTSE_OUT_DIR lets parallel builds (several engineers, CI) keep their own output.
  outDir: process.env.LOTSE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser, mode }) => {
    const e2e = mode === 'e2e';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: [
        'activeTab',
        'scripting',
        'storage',
        'unlimitedStorage',
        ...(browser === 'firefox' ? [] : ['sidePanel']),
      ],
      // Asked per site at run time. Firefox MV2 lists optional host access under optional_permissions.
      ...(browser === 'firefox'
        ? { optional_permissions: ['https://*/*', 'http://*/*'] }
        : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
      ...(e2e ? { host_permissions: ['<all_urls>'] } : {}),
      action: { default_title: '__MSG_extName__' },
      commands: {
        'note-question': {
          suggested_key: { default: 'Alt+Shift+Q' },
          description: '__MSG_cmdNoteQuestion__',
        },
        'toggle-recording': {
          suggested_key: { default: 'Alt+Shift+R' },
          description: '__MSG_cmdToggleRecording__',
        },
      },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'lotse@lotse.example',
                strict_min_version: '115.0',
                // Lotse collects nothing: all data stays in the browser profile.
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
  vite: () => ({
    build: { target: 'es2022' },
    // WXT sets NODE_ENV to the mode, so the e2e build gets React's development bundle (extra checks
    // that tests want). The benchmarks build the e2e mode with LOTSE_BENCH=1 and NODE_ENV=production
    // (the JSX transform follows NODE_ENV) to measure the React that users get, plus the test hooks
    // they need to seed data.
    ...(process.env.LOTSE_BENCH ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  }),
});
