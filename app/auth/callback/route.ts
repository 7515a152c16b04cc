import { completeSignIn, signInRoute } from "@/lib/auth/sign-in";

export const dynamic = "force-dynamic";

// GET /auth/callback – the provider returns here: check state, nonce and PKCE, start a session
export const GET = signInRoute(completeSignIn);
