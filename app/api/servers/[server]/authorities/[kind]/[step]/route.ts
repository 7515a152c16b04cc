import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { runRotationStep } from "@/lib/authorities/rotate-authority";
import { rotationStepBodySchema, rotationStepParams } from "@/lib/schemas/authorities";

// POST /api/servers/[server]/authorities/[kind]/[step] – one rotation step if its checks hold (else 412)
export const POST = withApi(
  { action: "authorities.rotate", params: rotationStepParams },
  async ({ request, params }) => {
    const body = parseOrThrow(rotationStepBodySchema, await readJsonBody(request), "body");
    return runRotationStep(params.server, params.kind, params.step, body.authorityId ?? null);
  },
);
