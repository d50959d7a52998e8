/** The request's path and query, set by proxy.ts so pages can send a visitor back after sign-in. */
export const REQUEST_PATH_HEADER = "x-hindsight-path";
