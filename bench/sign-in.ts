/** Signs in through the sign-in form as a user would (its CSRF token, then the POST): the session cookie. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const page = await fetch(`${baseUrl}/sign-in`);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: token, username, password }).toString(),
  });
  const signedIn = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (res.status !== 303 && res.status !== 302) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  return signedIn || cookie;
}
