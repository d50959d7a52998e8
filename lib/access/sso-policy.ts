// Who may come in through single sign-on, and what the sign-in page says when someone could not. Pure.

/** Why a single sign-on was refused by Hindsight itself (the provider's own refusals carry theirs). */
export const SSO_REFUSED = { domainNotAllowed: "sso_domain_not_allowed" } as const;

/** Whether an email's domain is allowed (every domain when the list is empty). */
export function isAllowedDomain(email: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = email.toLowerCase().split("@").at(-1) ?? "";
  return allowedDomains.includes(domain);
}

const MESSAGES: Record<string, string> = {
  [SSO_REFUSED.domainNotAllowed]: "Single sign-on refused: your email domain is not allowed to sign in here. Ask an administrator.",
  access_denied: "Single sign-on was cancelled at the identity provider.",
};
const FALLBACK = "Single sign-on did not complete. Try again, or ask an administrator whether your account may sign in here.";

/**
 * The message for /login?error=… . A failed single sign-on comes back as `error=sso` followed by the
 * reason Better Auth appended (`&error=<code>`), so the most specific code known wins.
 */
export function signInErrorMessage(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  for (const code of codes.toReversed()) if (MESSAGES[code]) return MESSAGES[code];
  return FALLBACK;
}
