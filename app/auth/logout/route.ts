import { signInRoute, signOut } from "@/lib/auth/sign-in";

export const dynamic = "force-dynamic";

// POST /auth/logout – end the session (and the provider's, when it offers end_session_endpoint)
export const POST = signInRoute(signOut);
