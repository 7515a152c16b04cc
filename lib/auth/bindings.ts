import type { BindingConfig } from "@/lib/config/auth-schema";

import type { Binding } from "./principal";

/**
 * The bindings of the config that apply to a user: those naming one of the user's groups or
 * the user's subject. Resolved on every request, so a config change applies at once.
 */
export function userBindings(
  configured: readonly BindingConfig[],
  user: { subject: string; groups: readonly string[] },
): Binding[] {
  const groups = new Set(user.groups);
  return configured.flatMap((binding, index) => {
    const group = binding.groups?.find((g) => groups.has(g));
    const bySubject = binding.subjects?.includes(user.subject);
    if (!group && !bySubject) return [];
    const { groups: _groups, subjects: _subjects, ...grant } = binding;
    return [
      { ...grant, source: group ? `auth.bindings[${index}], group ${group}` : `auth.bindings[${index}], subject` },
    ];
  });
}
