// Stands in for the `server-only` marker package in worker bundles (scripts/lib/build-workers.ts): a
// worker thread is server code by construction, and outside Next's react-server condition the real
// package throws on import.
export {};
