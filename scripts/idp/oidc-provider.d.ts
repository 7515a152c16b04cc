// The small part of oidc-provider 9 that scripts/idp uses. The package ships no types and
// @types/oidc-provider is not a dependency; these declarations follow its docs/README.md.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type JsonObject = Record<string, unknown>;

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<JsonObject> | JsonObject;
  }

  export interface Client {
    clientId: string;
    clientName?: string;
  }

  export interface ClientClass {
    prototype: Client & {
      redirectUriAllowed(value: string): boolean;
      postLogoutRedirectUriAllowed(value: string): boolean;
    };
  }

  export interface Grant {
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export interface GrantClass {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface OidcContext {
    provider: Provider;
    client?: Client;
    account?: Account;
    session: { grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    requestParamOIDCScopes: Set<string>;
    requestParamClaims: Set<string>;
  }

  /** The Koa context oidc-provider hands to configuration helpers. */
  export interface KoaContextWithOIDC {
    oidc: OidcContext;
    host: string;
    type: string;
    status: number;
    body: unknown;
    set(field: string, value: string): void;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[]; details: JsonObject };
    params: JsonObject;
    session?: { accountId: string };
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean; amr?: string[] };
    error?: string;
    error_description?: string;
  }

  /** Configuration options; see oidc-provider's docs/README.md "Configuration options". */
  export type Configuration = Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Client: ClientClass;
    readonly Grant: GrantClass;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export const errors: { SessionNotFound: new (...args: unknown[]) => Error };
}
