// Sign-in: OAuth 2 authorization code with PKCE (RFC 7636, S256), in the page. Tokens live in
// sessionStorage (this tab only, gone when it closes), never in local storage or a cookie.

const SESSION = 'desk.session';
const PENDING = 'desk.pending-sign-in';

function base64url(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The claims of a JWT, read for display and expiry only (the API checks the signature). */
export function claimsOf(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

/** Sends the browser to the sign-in page; it comes back to redirectUri with ?code=&state=. */
export async function signIn(config) {
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(config.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * If this load is the sign-in's return (a code in the query), exchanges the code for tokens and
 * takes the code out of the address bar. Returns an error message, or null.
 */
export async function completeSignIn(config) {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return null;
  history.replaceState(null, '', config.redirectUri);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (query.has('error')) return 'Sign-in failed: ' + (query.get('error_description') || query.get('error'));
  if (!pending || pending.state !== query.get('state')) return 'Sign-in failed: the answer did not match this tab\'s request. Try again.';
  const response = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: query.get('code'),
      redirect_uri: config.redirectUri,
      code_verifier: pending.verifier,
    }).toString(),
  });
  if (!response.ok) return 'Sign-in failed: the token exchange answered ' + response.status + '. Try again.';
  const tokens = await response.json();
  // The ID token goes to the API: its audience is this client (the API's authorizer checks it) and
  // it carries the editor's email, which revisions record as who saved.
  const token = tokens.id_token || tokens.access_token;
  const claims = claimsOf(token);
  sessionStorage.setItem(SESSION, JSON.stringify({ token, expiresAt: claims.exp * 1000 }));
  return null;
}

/** The signed-in session {token, name, expiresAt}, or null when there is none or it has expired. */
export function currentSession() {
  const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  if (!session || session.expiresAt <= Date.now() + 10_000) return null;
  const claims = claimsOf(session.token);
  return { ...session, name: claims.email || claims['cognito:username'] || claims.username || claims.sub };
}

export function signOut(config) {
  sessionStorage.removeItem(SESSION);
  const url = new URL(config.logoutUrl);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri }).toString();
  location.assign(url.toString());
}
