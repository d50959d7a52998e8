import { CopyButton } from "@/components/ui/copy-button";

/** The signing secret of a rule just created: shown this once, for the receiver to verify deliveries with. */
export function SecretNotice({ secret }: { secret: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 rounded border border-line bg-surface p-2 text-sm" data-testid="webhook-secret">
      Webhook signing secret (shown only now): <code className="font-mono text-xs">{secret}</code>
      <CopyButton text={secret} />
      <span className="text-xs text-fg-muted">
        Deliveries carry <code className="font-mono">X-Hindsight-Signature: sha256=HMAC(secret, timestamp + &quot;.&quot; + body)</code>.
      </span>
    </div>
  );
}
