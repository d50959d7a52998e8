import Link from "next/link";

type Props = {
  /** Accessible name of the group ("Group by"). */
  label: string;
  options: readonly { value: string; label: string; href: string }[];
  current: string;
  testId?: string;
};

/** A segmented control made of links: each choice is a URL, so views stay shareable. */
export function ChoiceLinks({ label, options, current, testId }: Props) {
  return (
    <div className="flex items-center gap-2 text-xs" data-testid={testId}>
      <span className="text-fg-muted">{label}</span>
      <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded border border-line">
        {options.map((option) => {
          const isCurrent = option.value === current;
          return (
            <Link
              key={option.value}
              href={option.href}
              aria-current={isCurrent ? "true" : undefined}
              className={`border-l border-line px-2 py-1 first:border-l-0 ${isCurrent ? "bg-accent-soft font-medium text-accent" : "text-fg-muted hover:bg-muted hover:text-fg"}`}
            >
              {option.label}
            </Link>
          );
        })}
      </div>
    </div>
  );
}
