export const metadata = { title: "Signed out" };

/** Public page shown after signing out (also the provider's post-logout redirect target). */
export default function SignedOutPage() {
  return (
    <main className="mx-auto max-w-lg space-y-4 px-6 py-16">
      <h1 className="text-xl font-semibold">You are signed out</h1>
      <p className="text-sm text-slate-700">Your console session has ended.</p>
      {/* A plain link: signing in is a full-page redirect to the provider, never a client-side navigation. */}
      <a
        className="inline-flex h-9 items-center rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800"
        href="/auth/login"
      >
        Sign in again
      </a>
    </main>
  );
}
