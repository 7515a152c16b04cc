import { QueryClient } from "@tanstack/react-query";

import { ApiClientError } from "./fetch-json";

/** The app's QueryClient: data stays fresh for 10 s; 4xx errors are not retried. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failureCount, error) =>
          !(error instanceof ApiClientError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}
