import { z } from "zod";

/** A cluster-scoped Kubernetes object name (DNS subdomain: lowercase, digits, '-' and '.'). */
export const kubernetesNameSchema = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    "must be a Kubernetes object name (lowercase letters, digits, '-' and '.')",
  );
