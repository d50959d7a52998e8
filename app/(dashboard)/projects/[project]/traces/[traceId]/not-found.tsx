import { ProjectLink } from "@/components/shell/project-link";

export default function TraceNotFound() {
  return (
    <div className="flex flex-col gap-2 p-8 text-sm">
      <h1 className="text-lg font-semibold">Trace not found</h1>
      <p className="text-fg-muted">No span of this trace has arrived. Spans can take a moment after export; try again shortly.</p>
      <ProjectLink href="/traces" className="text-accent hover:underline">
        Back to traces
      </ProjectLink>
    </div>
  );
}
