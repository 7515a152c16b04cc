// The sign-in interaction, served beside oidc-provider on the same node:http server:
//   GET  /interaction/:uid        the sign-in form
//   POST /interaction/:uid/login  checks the demo user's password, then resumes the authorization
//   GET  /static/idp.css          the pages' one stylesheet
// Consent needs no page: configuration.ts grants it for our own client.
import type { IncomingMessage, ServerResponse } from "node:http";

import type { InteractionDetails, Provider } from "oidc-provider";
import { errors } from "oidc-provider";

import { PAGE_CSP, renderErrorPage, renderLoginPage, STYLESHEET, STYLESHEET_PATH } from "./pages.ts";
import { authenticateUser } from "./users.ts";

const INTERACTION = /^\/interaction\/([\w-]+)(\/login)?$/;
const MAX_BODY_BYTES = 16 * 1024;

export interface InteractionOptions {
  /** Shown on the sign-in page ("to continue to ..."). */
  clientName: string;
  /** The demo passwords by username. */
  passwords: Readonly<Record<string, string>>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "content-security-policy": PAGE_CSP,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(body);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) return new URLSearchParams();
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_BODY_BYTES) throw new Error("form body too large");
  }
  return new URLSearchParams(body);
}

/** Interaction details for `uid`, or null after answering with an error page. */
async function loadLoginInteraction(provider: Provider, uid: string, req: IncomingMessage, res: ServerResponse) {
  let details: InteractionDetails;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (error) {
    if (!(error instanceof errors.SessionNotFound)) throw error;
    send(res, 400, "text/html", renderErrorPage("Sign-in expired", "Go back to the application and sign in again."));
    return null;
  }
  if (details.uid !== uid || details.prompt.name !== "login") {
    send(res, 400, "text/html", renderErrorPage("invalid_request", "This sign-in step does not apply here."));
    return null;
  }
  return details;
}

/**
 * Wraps oidc-provider's request handler: the interaction routes and the stylesheet are
 * answered here, everything else goes to the provider.
 */
export function withInteractions(provider: Provider, options: InteractionOptions): Handler {
  const { clientName, passwords } = options;
  const handleProvider = provider.callback();
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://idp.invalid");
    if (req.method === "GET" && url.pathname === STYLESHEET_PATH) return send(res, 200, "text/css", STYLESHEET);
    const match = INTERACTION.exec(url.pathname);
    if (!match) return handleProvider(req, res);
    const uid = match[1]!;
    const isLogin = match[2] !== undefined;
    if (req.method !== (isLogin ? "POST" : "GET")) return send(res, 405, "text/plain", "method not allowed");

    if (!(await loadLoginInteraction(provider, uid, req, res))) return;
    const action = `/interaction/${encodeURIComponent(uid)}/login`;
    if (!isLogin) return send(res, 200, "text/html", renderLoginPage({ action, clientName }));

    const form = await readForm(req);
    const username = form.get("username")?.trim() ?? "";
    const user = authenticateUser(passwords, username, form.get("password") ?? "");
    if (!user) {
      const error = "Incorrect username or password.";
      return send(res, 200, "text/html", renderLoginPage({ action, clientName, username, error }));
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.sub, amr: ["pwd"] } },
      { mergeWithLastSubmission: false },
    );
  };
}
