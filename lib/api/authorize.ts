import "server-only";

import type { Action } from "@/lib/auth/actions";

/**
 * The single place where authentication and authorization of console users plugs in.
 * Today the console trusts whoever can reach it (it listens on 127.0.0.1 by default);
 * throw an ApiError("unauthenticated" | "permission_denied") here to refuse a request.
 */
export async function authorizeRequest(_request: Request, _action: Action): Promise<void> {}
