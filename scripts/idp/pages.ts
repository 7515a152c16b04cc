// The IdP's own HTML pages: sign-in, sign-out confirmation, signed-out and error. No script,
// no inline style and no external asset: one stylesheet from this origin, so every page works
// under the strict Content-Security-Policy below.
export const STYLESHEET_PATH = "/static/idp.css";

/**
 * Sent with every page. Forms may only post here or to the console on loopback, because the
 * browser applies form-action to the redirects after the post as well.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "form-action 'self' http://127.0.0.1:* http://localhost:*",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

export const STYLESHEET = `*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f1f5f9;color:#0f172a;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{width:min(24rem,calc(100vw - 2rem));background:#fff;border:1px solid #cbd5e1;border-radius:.5rem;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 .25rem}
p{margin:0 0 1rem;color:#475569}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;padding:.5rem .75rem;font:inherit;border:1px solid #64748b;border-radius:.375rem}
input[aria-invalid=true]{border-color:#b91c1c}
input:focus,button:focus{outline:2px solid #1d4ed8;outline-offset:2px}
button{margin-top:1.25rem;width:100%;padding:.5rem;font:inherit;font-weight:600;color:#fff;background:#1d4ed8;
border:0;border-radius:.375rem;cursor:pointer}
button.secondary{color:#0f172a;background:#e2e8f0}
.error{color:#b91c1c;font-weight:600;margin:1rem 0 0}
`;

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A complete page around `body` (already HTML). */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface LoginForm {
  action: string;
  clientName: string;
  username?: string;
  error?: string;
}

/** The sign-in form; with `error`, the message is announced and linked to both fields. */
export function renderLoginPage(form: LoginForm): string {
  const invalid = form.error ? ` aria-invalid="true" aria-describedby="login-error"` : "";
  const error = form.error ? `<p id="login-error" class="error" role="alert">${escapeHtml(form.error)}</p>` : "";
  // After a failed attempt the username is kept, so the password field takes the focus.
  const [focusUser, focusPassword] = form.error ? ["", " autofocus"] : [" autofocus", ""];
  return renderPage(
    "Sign in – Local OpenID Provider",
    `<h1>Sign in</h1>
<p>to continue to ${escapeHtml(form.clientName)}</p>
<form method="post" action="${escapeHtml(form.action)}" novalidate>
${error}
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false"
 required${focusUser} value="${escapeHtml(form.username ?? "")}"${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${focusPassword}${invalid}>
<button type="submit">Sign in</button>
</form>`,
  );
}

/** Sign-out confirmation around oidc-provider's hidden form `op.logoutForm`. */
export function renderLogoutPage(host: string, hiddenForm: string): string {
  return renderPage(
    "Sign out – Local OpenID Provider",
    `<h1>Sign out</h1>
<p>Do you want to sign out of ${escapeHtml(host)}?</p>
${hiddenForm}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>
<button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>`,
  );
}

/** Shown after a sign-out that had no post-logout redirect. */
export function renderSignedOutPage(): string {
  return renderPage(
    "Signed out – Local OpenID Provider",
    `<h1>Signed out</h1>
<p>You have been signed out.</p>`,
  );
}

/** An error page showing the OAuth error code and its description. */
export function renderErrorPage(error: string, description?: string): string {
  return renderPage(
    "Error – Local OpenID Provider",
    `<h1>Something went wrong</h1>
<p><strong>${escapeHtml(error)}</strong></p>
${description ? `<p>${escapeHtml(description)}</p>` : ""}`,
  );
}
