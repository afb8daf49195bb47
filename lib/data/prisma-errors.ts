import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

type UniqueViolationMeta = {
  target?: string[] | string;
  driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } };
};

/** True when `error` is a unique-constraint violation (on a constraint naming `field`, if given). */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  // With driver adapters the constraint arrives as an index name ("User_email_key"), not a target.
  const meta = error.meta as UniqueViolationMeta | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const names = [meta?.target, constraint?.fields, constraint?.index].flat().filter(Boolean).map(String);
  return names.some((name) => name === field || name.split("_").includes(field));
}
