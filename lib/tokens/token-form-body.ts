import { tokenCreateSchema } from "@/lib/schemas/tokens";

/** Comma- or space-separated text as a list without empty items. */
const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** What the form sends; the route's schema decides whether it is valid. */
export type TokenFormBody = { name: string; bindings: Record<string, unknown>[]; expiresInDays?: number };

/**
 * The body of `POST /api/tokens` from the "New token" form: one binding, with only the keys filled in
 * (a key left empty allows nothing beyond the role: the bounds deny by default).
 */
export function tokenBodyFromForm(form: FormData): TokenFormBody {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const listKey = (key: string, field: string) => (list(text(field)).length ? { [key]: list(text(field)) } : {});
  const numberKey = (key: string, field: string) => (text(field) ? { [key]: Number(text(field)) } : {});
  const binding = {
    role: text("role"),
    ...listKey("servers", "servers"),
    ...listKey("spiffeIdPrefixes", "prefixes"),
    ...listKey("dnsSuffixes", "dns"),
    ...listKey("parentIdPrefixes", "parents"),
    ...listKey("selectorPrefixes", "selectors"),
    ...numberKey("maxX509SvidTtl", "x509Ttl"),
    ...numberKey("maxJwtSvidTtl", "jwtTtl"),
    ...listKey("federatesWith", "federatesWith"),
    ...(form.get("storeSvid") === "on" ? { storeSvid: true } : {}),
  };
  return { name: text("name"), bindings: [binding], ...(text("days") ? { expiresInDays: Number(text("days")) } : {}) };
}

/** Field name (a binding key, `name` or `expiresInDays`) to its first message, from issue paths. */
export function fieldErrors(issues: readonly { path: string; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { path, message } of issues) {
    const key = path.replace(/^bindings\.0\./, "").split(".")[0]!;
    fields[key] ??= message;
  }
  return fields;
}

/** Checks the body with the schema the route uses; the issues (dotted paths) when it does not pass. */
export function checkTokenBody(body: unknown): { path: string; message: string }[] {
  const result = tokenCreateSchema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
