// Stand-in for the `server-only` package under Vitest: Node has no react-server condition there.
export {};
