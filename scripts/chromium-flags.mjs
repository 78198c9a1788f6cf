// How every test and script here starts Chromium: root needs --no-sandbox, and the rest keep it
// from calling home on a closed network (without them it hammers the network and fails lookups).
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
