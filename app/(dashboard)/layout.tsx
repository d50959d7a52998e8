import type { ReactNode } from "react";
import { Suspense } from "react";
import { cookies } from "next/headers";
import { AppSidebar } from "@/components/shell/app-sidebar";
import { TimeRangePicker } from "@/components/shell/time-range-picker";
import { getEnv } from "@/lib/env";
import { parseThemePreference, THEME_COOKIE } from "@/lib/format/theme";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const theme = parseThemePreference((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <div className="flex h-screen overflow-hidden">
      <AppSidebar projectName={getEnv().HINDSIGHT_PROJECT_NAME} theme={theme} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 shrink-0 items-center justify-end gap-3 border-b border-line px-4">
          <Suspense fallback={null}>
            <TimeRangePicker />
          </Suspense>
        </header>
        <main className="flex min-h-0 flex-1 flex-col overflow-auto">{children}</main>
      </div>
    </div>
  );
}
