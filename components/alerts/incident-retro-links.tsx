import { ProjectLink } from "@/components/shell/project-link";
import type { IncidentRetro } from "@/lib/retro/collab/retro-types";

/** Links to the retros made from one alert incident, each with its status. */
export function IncidentRetroLinks({ retros }: { retros: IncidentRetro[] }) {
  if (retros.length === 0) return null;
  return (
    <ul className="mb-1 flex flex-col gap-0.5 text-xs" data-testid="incident-retros">
      {retros.map((retro) => (
        <li key={retro.id}>
          <ProjectLink href={`/retros/${retro.id}`} className="text-accent hover:underline">
            {retro.title}
          </ProjectLink>{" "}
          <span className="text-fg-muted">({retro.status})</span>
        </li>
      ))}
    </ul>
  );
}
