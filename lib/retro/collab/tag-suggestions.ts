// What the tag box suggests: the failure modes of the findings' taxonomy first (so the weekly review's
// counts line up with what the classifier finds), then the project's own tags, most used first.
import { FAILURE_MODES } from "@/lib/retro/finding-kinds";

export function suggestedTags(projectTags: readonly string[]): string[] {
  const modes = new Set<string>(FAILURE_MODES);
  return [...FAILURE_MODES, ...projectTags.filter((tag) => !modes.has(tag))];
}
