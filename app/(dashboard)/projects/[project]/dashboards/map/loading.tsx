import { ChartsSkeleton } from "@/components/dashboards/charts-skeleton";

export default function Loading() {
  return <ChartsSkeleton />;
}
