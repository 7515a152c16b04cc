import { describe, expect, it } from "vitest";

import { toSqliteParameters } from "./sql-placeholders";

describe("toSqliteParameters", () => {
  it("numbers each $n as ?n, repeated ones included", () => {
    expect(toSqliteParameters("UPDATE t SET a = $2 WHERE id = $1 AND a < $2 AND b = $10")).toBe(
      "UPDATE t SET a = ?2 WHERE id = ?1 AND a < ?2 AND b = ?10",
    );
  });

  it("leaves dollars inside quoted strings and identifiers alone", () => {
    expect(toSqliteParameters(`SELECT '$1', 'it''s $2', "col$3" FROM t WHERE x = $1`)).toBe(
      `SELECT '$1', 'it''s $2', "col$3" FROM t WHERE x = ?1`,
    );
  });
});
