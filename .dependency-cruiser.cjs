// Folder direction (npm run lint:deps, part of npm test). From the bottom up:
//   pure modules (lib/trace, lib/format, lib/forms, lib/pricing, lib/ingest, lib/analytics, lib/alerts, lib/retro, lib/quality,
//     lib/redaction, lib/workers, lib/env.ts): no I/O of their own, never import the layers above;
//   lib/db: the connections; only the data layer opens or uses them;
//   lib/data: the project-scoped data layer, the only code that reaches the database;
//   lib/auth: who is calling (sessions, keys, roles) → the data layer;
//   lib/receiver (OTLP ingest), lib/jobs (background work), lib/api (route helpers) → auth and data;
//   lib/actions (server actions) → everything below;
//   app → lib and components; components → pure lib modules only; instrumentation/ → nothing of ours.
const PURE = "^lib/(trace|format|forms|pricing|ingest|analytics|alerts|retro|redaction|workers|quality)/|^lib/env\\.ts$";
const ABOVE_DATA = "^lib/(auth|receiver|jobs|api|actions|server)/|^app/|^components/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "Modules must not import each other in a circle.", from: {}, to: { circular: true } },
    {
      name: "pure-stays-pure",
      severity: "error",
      comment: "Pure modules never reach the database or the layers above it.",
      from: { path: PURE },
      to: { path: "^lib/(db|data|auth|receiver|jobs|api|actions|server)/|^app/|^components/" },
    },
    {
      name: "only-the-data-layer-uses-connections",
      severity: "error",
      comment: "lib/db is reached only through the project-scoped data layer (lib/data).",
      from: { path: "^(lib|app|components)/", pathNot: "^lib/(db|data)/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "data-layer-points-down",
      severity: "error",
      comment: "The data layer imports only pure modules and lib/db.",
      from: { path: "^lib/data/" },
      to: { path: ABOVE_DATA },
    },
    {
      name: "auth-points-down",
      severity: "error",
      from: { path: "^lib/auth/" },
      to: { path: "^lib/(receiver|jobs|api|actions)/|^app/|^components/" },
    },
    {
      name: "services-point-down",
      severity: "error",
      from: { path: "^lib/(receiver|jobs|api)/" },
      to: { path: "^lib/actions/|^app/|^components/" },
    },
    {
      name: "lib-never-imports-ui",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^app/|^components/" },
    },
    {
      name: "components-render-only",
      severity: "error",
      comment: "Components receive data as props; they never fetch it or reach server-only layers.",
      from: { path: "^components/" },
      to: { path: "^app/|^lib/(db|data|auth|receiver|jobs|api)/|^prisma/" },
    },
    {
      name: "sdk-is-standalone",
      severity: "error",
      comment: "instrumentation/ ships as its own package.",
      from: { path: "^instrumentation/" },
      to: { path: "^(app|components|lib|scripts|tests|prisma)/" },
    },
    {
      name: "tests-are-not-imported",
      severity: "error",
      from: { path: "^(lib|app|components|instrumentation)/" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.next-test|dist|prisma/generated|test-results)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
