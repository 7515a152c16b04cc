// The three demo users of the local OpenID provider. Their passwords are generated once per
// stack (secrets.ts) and published in idp.json; nothing here is a credential.
import { createHash, timingSafeEqual } from "node:crypto";

export interface DemoUser {
  username: string;
  sub: string;
  name: string;
  email: string;
  groups: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "admin", sub: "demo-admin", name: "Ada Admin", email: "ada.admin@example.com", groups: ["spire-admins"] },
  {
    username: "editor",
    sub: "demo-editor",
    name: "Eddie Editor",
    email: "eddie.editor@example.com",
    groups: ["team-a-editors"],
  },
  {
    username: "viewer",
    sub: "demo-viewer",
    name: "Vera Viewer",
    email: "vera.viewer@example.com",
    groups: ["spire-viewers"],
  },
];

/** The demo user with this subject, or undefined. */
export function findUserBySub(sub: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.sub === sub);
}

/** The demo user whose username and password match, or undefined (constant-time comparison). */
export function authenticateUser(
  passwords: Readonly<Record<string, string>>,
  username: string,
  password: string,
): DemoUser | undefined {
  const user = DEMO_USERS.find((u) => u.username === username);
  const expected = user ? passwords[user.username] : undefined;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  const matches = timingSafeEqual(digest(expected ?? "\0no such user"), digest(password));
  return user && expected !== undefined && matches ? user : undefined;
}

/** The standard and `groups` claims of a demo user; the provider masks them by scope. */
export function getUserClaims(user: DemoUser): Record<string, unknown> {
  return {
    sub: user.sub,
    name: user.name,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
    groups: [...user.groups],
  };
}
