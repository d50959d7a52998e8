// Signing in the way a browser does (POST /api/auth/sign-in/email from the server's own origin), for
// tests that act as a user: returns the Cookie header to send.
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (!cookies.some((c) => c.startsWith("hindsight.session_token="))) throw new Error(`sign-in of ${email} set no session cookie`);
  return cookies.join("; ");
}
