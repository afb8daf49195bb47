import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/data/prisma-errors";
import { AppError } from "@/lib/errors";

const known = (code: string) => new Prisma.PrismaClientKnownRequestError("x", { code, clientVersion: "7.10.0" });

describe("isDatabaseUnavailable (a 503 'try again' rather than a 500)", () => {
  it("recognises a database that is down, restarting or too slow", () => {
    for (const error of [
      known("P1001"),
      known("P2028"),
      new Error("timeout exceeded when trying to connect"),
      new Error("Query read timeout"),
      new Error("Connection terminated unexpectedly"),
      new Error("Client has encountered a connection error and is not queryable"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("the database system is in recovery mode"), { code: "57P03" }),
      new Error("wrapped", { cause: new Error("canceling statement due to statement timeout") }),
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    }
  });

  it("leaves real mistakes alone: they stay 4xx or 500", () => {
    for (const error of [known("P2002"), known("P2025"), new AppError("NOT_FOUND"), new TypeError("x is undefined"), "a string", null]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });
});
