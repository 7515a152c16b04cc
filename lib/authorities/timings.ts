// SPIRE 1.15.3's own timings that decide when a rotation step is safe, with where they come from.
// The cockpit waits on these instead of guessing; none of them is configurable in SPIRE's config.

/** Agents synchronise with their server (entries, bundle, tainted authorities) every 5 s (pkg/agent/manager). */
export const AGENT_SYNC_SECONDS = 5;

/** Agents check whether their own SVID must rotate every 5 s (svid.DefaultRotatorInterval). */
export const AGENT_ROTATOR_SECONDS = 5;

/** The server re-reads its bundle for agents at most once a second (dscache `datastoreCacheExpiry`). */
export const SERVER_BUNDLE_CACHE_SECONDS = 1;

/** The server's own SVID rotator runs every 5 s and rotates at once when its signer was tainted. */
export const SERVER_SVID_ROTATOR_SECONDS = 5;

/** An X.509 CA's notBefore is its issue time minus this cushion (credtemplate.NotBeforeCushion). */
export const NOT_BEFORE_CUSHION_SECONDS = 10;

/** The Debug API caches its answer (the server's SVID chain) for 5 s (debug/v1 `cacheExpiry`). */
export const DEBUG_CACHE_SECONDS = 5;

/** Bundle endpoints publish a refresh hint of 5 min unless `refresh_hint` is set (run.go default). */
export const DEFAULT_REFRESH_HINT_SECONDS = 300;

/**
 * How long after publication every agent has the new bundle: two sync rounds (one may have just
 * started when the bundle changed) plus the server's bundle cache.
 */
export const AGENT_PROPAGATION_SECONDS = 2 * AGENT_SYNC_SECONDS + SERVER_BUNDLE_CACHE_SECONDS;

/**
 * How long after a taint agents have replaced what the tainted authority signed: they see the
 * taint on their next sync (plus the server's cache), then rotate on their rotator's next tick.
 */
export const AGENT_TAINT_REACTION_SECONDS = AGENT_SYNC_SECONDS + SERVER_BUNDLE_CACHE_SECONDS + AGENT_ROTATOR_SECONDS;

/** The bundle publisher publishes on every bundle change and at least every 30 s (pubmanager `refreshInterval`). */
export const BUNDLE_PUBLISHER_SECONDS = 30;
