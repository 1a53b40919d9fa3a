import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  databaseProvider,
  isLocalDatabase,
  pgPoolConfig,
  redactUrl,
  sqliteFilePath,
  withPgDatabase,
} from "./database-url";

describe("database URLs", () => {
  it.each([
    ["file:./data/x.db", "sqlite"],
    ["postgresql://u@h/db", "postgres"],
    ["postgres://u@h/db", "postgres"],
  ])("%s is %s", (url, provider) => {
    expect(databaseProvider(url)).toBe(provider);
  });

  it("refuses other URLs", () => {
    expect(() => databaseProvider("mysql://h/db")).toThrow(/file: .* postgresql:/);
  });

  it("resolves SQLite paths against the working directory", () => {
    expect(sqliteFilePath("file:./data/x.db", "/srv/app")).toBe(path.resolve("/srv/app/data/x.db"));
    expect(sqliteFilePath("file:/tmp/y.db?mode=rw", "/srv/app")).toBe("/tmp/y.db");
  });

  it.each([
    [
      "postgresql://postgres@127.0.0.1:5432/test",
      { host: "127.0.0.1", port: 5432, user: "postgres", password: undefined, database: "test" },
    ],
    [
      "postgresql://a%40b:p%3Ass@db.example.com/my%20db?sslmode=require",
      {
        host: "db.example.com",
        port: 5432,
        user: "a@b",
        password: "p:ss",
        database: "my db",
        ssl: { rejectUnauthorized: false },
      },
    ],
    ["postgresql://u@[::1]:6000/x", { host: "::1", port: 6000 }],
    ["postgresql:///x?host=/var/run/postgresql", { host: "/var/run/postgresql", database: "x" }],
    ["postgresql://u@%2Fvar%2Frun%2Fpostgresql/x", { host: "/var/run/postgresql", user: "u", database: "x" }],
  ])("reads %s as separate pg fields", (url, expected) => {
    expect(pgPoolConfig(url)).toMatchObject(expected);
  });

  it("swaps the database and hides passwords", () => {
    expect(withPgDatabase("postgresql://u:pw@h:1/a?sslmode=require", "b")).toBe(
      "postgresql://u:pw@h:1/b?sslmode=require",
    );
    expect(redactUrl("postgresql://u:pw@h/a")).toBe("postgresql://u:***@h/a");
  });

  it.each([
    ["file:/tmp/x.db", true],
    ["postgresql://postgres@127.0.0.1:5432/test", true],
    ["postgresql://postgres@localhost/test", true],
    ["postgresql://postgres@[::1]/test", true],
    ["postgresql:///test?host=/var/run/postgresql", true],
    ["postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/test", true],
    ["postgresql://postgres@db.internal/test", false],
    ["postgresql://postgres@10.0.0.5/test", false],
    ["postgresql://postgres@127.0.0.1.example.com/test", false],
  ])("%s is local: %s", (url, local) => {
    expect(isLocalDatabase(url)).toBe(local);
  });
});
