"use client";
// A link inside the current project: `href` is the path within the project ("/traces/…"), and the
// project's own prefix (/projects/<slug>) comes from the URL being shown, so components that render
// lists and tables need not know which project they are in.
import type { ComponentProps } from "react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { projectPath } from "@/lib/format/project-path";

/** The current project's path for `path`, in client components. */
export function useProjectPath(): (path: string) => string {
  const { project } = useParams<{ project?: string }>();
  return (path) => (project ? projectPath(decodeURIComponent(project), path) : path);
}

export function ProjectLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const inProject = useProjectPath();
  return <Link {...props} href={inProject(href)} />;
}
