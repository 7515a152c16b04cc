import { status as GrpcStatus } from "@grpc/grpc-js";
import { afterEach, describe, expect, it, vi } from "vitest";

import { toApiError } from "./errors";

afterEach(() => {
  vi.restoreAllMocks();
});

const serviceError = (code: number, details: string) => Object.assign(new Error(details), { code, details });

describe("toApiError", () => {
  it("logs what a server does not implement once, and still answers every call with the error", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const unimplemented = serviceError(GrpcStatus.UNIMPLEMENTED, "WIT-SVID functionality is not yet implemented");
    const answers = [1, 2, 3].map(() => toApiError(unimplemented, "errors-test-a"));
    expect(answers.map((a) => a.code)).toEqual(["internal", "internal", "internal"]);
    expect(answers[0]!.message).toBe(
      "SPIRE server 'errors-test-a' reported an error: WIT-SVID functionality is not yet implemented",
    );
    expect(log).toHaveBeenCalledTimes(1);
    toApiError(unimplemented, "errors-test-b");
    expect(log).toHaveBeenCalledTimes(2);
  });

  it("logs every other unexpected status each time", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = serviceError(GrpcStatus.INTERNAL, "datastore is broken");
    toApiError(broken, "errors-test-c");
    toApiError(broken, "errors-test-c");
    expect(log).toHaveBeenCalledTimes(2);
  });

  it("maps an unavailable server to 'unavailable' with its name, without logging", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = toApiError(serviceError(GrpcStatus.UNAVAILABLE, "connection refused"), "errors-test-d");
    expect([answer.code, answer.message]).toEqual([
      "unavailable",
      "SPIRE server 'errors-test-d' is unavailable: connection refused",
    ]);
    expect(log).not.toHaveBeenCalled();
  });
});
