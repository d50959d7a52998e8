import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/require-page";
import { listProjectsOfUser } from "@/lib/data/access/projects";
import { projectPath } from "@/lib/format/project-path";

/** The first project's traces (sign-in or setup first); a user without a project sees the project list. */
export default async function Home() {
  const user = await requireUser();
  const [first] = await listProjectsOfUser(user.id, user.isAdmin);
  redirect(first ? projectPath(first.slug, "/traces") : "/projects");
}
