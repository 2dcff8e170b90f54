/** A person of the simulator's demo tenant, as `GET /dev/users` lists them (a development route, not the API). */
export interface DemoUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

/**
 * The development sign-in the product offers only when it runs on the tenant simulator:
 * `GET /dev/users` lists the demo tenant's people, `POST /dev/sign-in` mints a Teams-like token for one.
 * Absent (404) on a real deployment.
 */
export async function listDemoUsers(): Promise<DemoUser[] | undefined> {
  const response = await fetch('/dev/users');
  if (!response.ok) return undefined;
  return (await response.json()) as DemoUser[];
}

export async function devSignIn(userPrincipalName: string): Promise<string> {
  const response = await fetch('/dev/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userPrincipalName }),
  });
  if (!response.ok) throw new Error(`dev sign-in refused (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

const storageKey = 'custodia.devToken';

/** Keeps the development token for the browser tab, so a reload does not sign the person out. */
export const devTokenStore = {
  read: (): string | null => sessionStorage.getItem(storageKey),
  write: (token: string) => sessionStorage.setItem(storageKey, token),
  clear: () => sessionStorage.removeItem(storageKey),
};
