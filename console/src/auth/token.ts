/** The signed-in person's access token, in memory only: never in local or session storage,
 * so a script injected later cannot read it back and a closed tab forgets it. */
let token: string | null = null;

export function currentToken(): string | null {
  return token;
}

export function setToken(value: string | null): void {
  token = value;
}
