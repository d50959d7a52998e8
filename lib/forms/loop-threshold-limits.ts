// Bounds of a project's loop threshold, without zod so client components (the settings form) can read them:
// zod probes `new Function` when a schema is built, which the nonce CSP reports. Pure.

export const MIN_LOOP_THRESHOLD = 2;
export const MAX_LOOP_THRESHOLD = 1000;
