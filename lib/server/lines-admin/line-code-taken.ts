import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "../db";
import { AppError } from "../errors";

export const lineCodeTaken = (code: string) =>
  new AppError("LINE_CODE_TAKEN", `Another line of your factory is already called ${code}.`, {
    status: 409,
    details: { fields: [{ path: "code", message: `${code} is taken.` }] },
  });

/** Refuses a code another line of the manufacturer uses (the unique index backs it under a race). */
export async function assertLineCodeFree(tx: Tx, manufacturerId: string, code: string, exceptLineId?: string): Promise<void> {
  const other = await tx.line.findFirst({ where: { manufacturerId, code, ...(exceptLineId ? { id: { not: exceptLineId } } : {}) }, select: { id: true } });
  if (other) throw lineCodeTaken(code);
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
