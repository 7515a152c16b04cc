import type { Enum, Field, MapField, Method, Namespace, ReflectionObject, Root, Service, Type } from "protobufjs";
import protobuf from "protobufjs";

/** Namespaces supplied by protobufjs itself (google/protobuf/*); never compared. */
const BUILT_IN_NAMESPACES = new Set([".google.protobuf"]);

/**
 * Compares every message, enum and service defined in `ours` with the same
 * full name in `upstream` and returns one readable line per difference that
 * would break wire compatibility. An empty array means compatible.
 *
 * Our tree may hold fewer messages and fields than upstream, but everything it
 * does hold must match: field number, name, type, label (singular, optional,
 * repeated, map) and oneof; enum values and numbers; method request/response
 * types and streaming. Services and enums must be complete: an upstream method
 * or enum value we lack is reported too, so clients can call every method and
 * enums always decode to names.
 *
 * Pure: both roots must already be resolved (`root.resolveAll()`).
 */
export function compareProtoRoots(ours: Root, upstream: Root): string[] {
  const problems: string[] = [];
  walk(ours, upstream, problems);
  return problems;
}

function walk(ns: Namespace, upstream: Root, problems: string[]): void {
  for (const obj of ns.nestedArray) {
    if (BUILT_IN_NAMESPACES.has(obj.fullName)) continue;
    const name = displayName(obj);
    const theirs = upstream.lookup(obj.fullName);
    if (obj instanceof protobuf.Type) {
      if (!(theirs instanceof protobuf.Type)) {
        problems.push(`${name}: message ${missingOrKind(theirs)}`);
      } else {
        compareFile(obj, theirs, problems);
        compareMessage(obj, theirs, problems);
      }
      walk(obj, upstream, problems);
    } else if (obj instanceof protobuf.Enum) {
      if (!(theirs instanceof protobuf.Enum)) {
        problems.push(`${name}: enum ${missingOrKind(theirs)}`);
      } else {
        compareFile(obj, theirs, problems);
        compareEnum(obj, theirs, problems);
      }
    } else if (obj instanceof protobuf.Service) {
      if (!(theirs instanceof protobuf.Service)) {
        problems.push(`${name}: service ${missingOrKind(theirs)}`);
      } else {
        compareFile(obj, theirs, problems);
        compareService(obj, theirs, problems);
      }
    } else if (obj instanceof protobuf.Namespace) {
      walk(obj, upstream, problems);
    }
  }
}

function compareMessage(ours: Type, theirs: Type, problems: string[]): void {
  for (const field of ours.fieldsArray) {
    const path = `${displayName(ours)}.${field.name}`;
    const match = theirs.fields[field.name];
    if (!match) {
      const sameNumber = theirs.fieldsById[field.id];
      const hint = sameNumber ? ` (upstream field ${field.id} is ${sameNumber.name})` : "";
      problems.push(`${path}: field not defined upstream${hint}`);
      continue;
    }
    const ourShape = describeField(field);
    const theirShape = describeField(match);
    for (const key of ["number", "type", "label", "oneof"] as const) {
      if (ourShape[key] !== theirShape[key]) {
        problems.push(`${path}: ${key} ${ourShape[key]} upstream ${theirShape[key]}`);
      }
    }
  }
}

function compareEnum(ours: Enum, theirs: Enum, problems: string[]): void {
  const name = displayName(ours);
  for (const [value, number] of Object.entries(ours.values)) {
    const theirNumber = theirs.values[value];
    if (theirNumber === undefined) {
      problems.push(`${name}.${value}: enum value not defined upstream`);
    } else if (theirNumber !== number) {
      problems.push(`${name}.${value}: number ${number} upstream ${theirNumber}`);
    }
  }
  for (const [value, number] of Object.entries(theirs.values)) {
    if (!(value in ours.values)) {
      problems.push(`${name}.${value}: upstream enum value ${number} missing here`);
    }
  }
}

function compareService(ours: Service, theirs: Service, problems: string[]): void {
  const name = displayName(ours);
  for (const method of ours.methodsArray) {
    const path = `${name}.${method.name}`;
    const match = theirs.methods[method.name];
    if (!match) {
      problems.push(`${path}: method not defined upstream`);
      continue;
    }
    const ourShape = describeMethod(method);
    const theirShape = describeMethod(match);
    for (const key of ["request", "response"] as const) {
      if (ourShape[key] !== theirShape[key]) {
        problems.push(`${path}: ${key} ${ourShape[key]} upstream ${theirShape[key]}`);
      }
    }
  }
  for (const method of theirs.methodsArray) {
    if (!ours.methods[method.name]) {
      problems.push(`${name}.${method.name}: upstream method missing here`);
    }
  }
}

/** Top-level definitions must live in the same file (import path) as upstream. */
function compareFile(ours: ReflectionObject, theirs: ReflectionObject, problems: string[]): void {
  if (ours.parent instanceof protobuf.Type) return;
  const ourFile = fileOf(ours);
  const theirFile = fileOf(theirs);
  if (ourFile && theirFile && ourFile !== theirFile) {
    problems.push(`${displayName(ours)}: file ${ourFile} upstream ${theirFile}`);
  }
}

interface FieldShape {
  number: number;
  type: string;
  label: "singular" | "optional" | "repeated" | "map";
  oneof: string;
}

function describeField(field: Field): FieldShape {
  const mapEntry = asMapEntry(field);
  let type: string;
  let label: FieldShape["label"];
  if (field instanceof protobuf.MapField) {
    label = "map";
    type = `map<${(field as MapField).keyType}, ${typeName(field)}>`;
  } else if (mapEntry) {
    label = "map";
    type = `map<${mapEntry.key.type}, ${typeName(mapEntry.value)}>`;
  } else {
    label = field.repeated ? "repeated" : field.options?.proto3_optional ? "optional" : "singular";
    type = typeName(field);
  }
  // proto3 `optional` is modelled as a synthetic one-field oneof; the label already covers it.
  const oneof = field.partOf && !field.options?.proto3_optional ? field.partOf.name : "(none)";
  return { number: field.id, type, label, oneof };
}

/**
 * Trees built from descriptors keep maps as `repeated XxxEntry` with a nested
 * key/value message; recognise that shape so it compares equal to `map<K, V>`.
 */
function asMapEntry(field: Field): { key: Field; value: Field } | undefined {
  const entry = field.resolvedType;
  if (!field.repeated || !(entry instanceof protobuf.Type) || entry.parent !== field.parent) return undefined;
  const expectedName = field.name.replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase()) + "Entry";
  const key = entry.fieldsById[1];
  const value = entry.fieldsById[2];
  if (entry.name !== expectedName || entry.fieldsArray.length !== 2 || key?.name !== "key" || value?.name !== "value") {
    return undefined;
  }
  return { key, value };
}

function typeName(field: Field): string {
  if (field.resolvedType) return displayName(field.resolvedType);
  if (!(field.type in protobuf.types.defaults)) {
    throw new Error(`${displayName(field)}: type ${field.type} is not resolved; call root.resolveAll() first`);
  }
  return field.type;
}

function describeMethod(method: Method): { request: string; response: string } {
  const request = method.resolvedRequestType;
  const response = method.resolvedResponseType;
  if (!request || !response) {
    throw new Error(`${displayName(method)}: types are not resolved; call root.resolveAll() first`);
  }
  return {
    request: `${method.requestStream ? "stream " : ""}${displayName(request)}`,
    response: `${method.responseStream ? "stream " : ""}${displayName(response)}`,
  };
}

function fileOf(obj: ReflectionObject): string | null {
  for (let cur: ReflectionObject | null = obj; cur; cur = cur.parent) {
    if (cur.filename) return cur.filename;
  }
  return null;
}

function missingOrKind(obj: ReflectionObject | null): string {
  if (!obj) return "not defined upstream";
  const kind =
    obj instanceof protobuf.Type
      ? "message"
      : obj instanceof protobuf.Enum
        ? "enum"
        : obj instanceof protobuf.Service
          ? "service"
          : obj instanceof protobuf.Field
            ? "field"
            : "namespace";
  return `is a ${kind} upstream`;
}

function displayName(obj: ReflectionObject): string {
  return obj.fullName.replace(/^\./, "");
}
