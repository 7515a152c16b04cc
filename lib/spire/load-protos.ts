import "server-only";

import path from "node:path";

import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

/**
 * Loads .proto files from proto/ with the options every client of the console relies on:
 * camelCase fields, int64 as strings, enums as names, defaults filled in, oneofs named.
 */
export function loadProtoPackage(files: string | string[]): grpc.GrpcObject {
  const definition = protoLoader.loadSync(files, {
    includeDirs: [path.join(process.cwd(), "proto")],
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition);
}
