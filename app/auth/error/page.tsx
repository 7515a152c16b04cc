import Link from "next/link";

import { safeReturnTo } from "@/lib/auth/return-to";
import type { SignInProblem } from "@/lib/auth/sign-in";

export const metadata = { title: "Sign-in problem" };

const explanations: Record<SignInProblem, string> = {
  expired: "The sign-in took too long, or was started in another tab. Start again.",
  provider: "The identity provider could not be reached. Try again in a moment.",
  "not-configured":
    "Sign-in is not configured on this console, or its configuration is not valid. An administrator can " +
    "find the reason in the console's server log; API clients can use a bearer token meanwhile.",
  "rate-limited": "Too many sign-in attempts from your address. Wait a minute, then try again.",
  refused: "The identity provider's answer could not be verified. Start again.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Public page: why signing in did not work, and a way to start again. */
export default async function SignInErrorPage({ searchParams }: Props) {
  const params = await searchParams;
  const reason = typeof params.reason === "string" && params.reason in explanations ? params.reason : "refused";
  const returnTo = safeReturnTo(typeof params.returnTo === "string" ? params.returnTo : "/");
  return (
    <main className="mx-auto max-w-lg space-y-4 px-6 py-16">
      <h1 className="text-xl font-semibold">Signing in did not work</h1>
      <p role="alert" className="text-sm text-slate-700">
        {explanations[reason as SignInProblem]}
      </p>
      <Link
        className="inline-flex h-9 items-center rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800"
        href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}
      >
        Sign in again
      </Link>
    </main>
  );
}
