import { beginSignIn, signInRoute } from "@/lib/auth/sign-in";

export const dynamic = "force-dynamic";

// GET /auth/login?returnTo=/path – start signing in with the identity provider (full-page redirect)
export const GET = signInRoute(beginSignIn);
