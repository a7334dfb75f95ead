import { logger } from "../logger";

/**
 * Work that follows a use case after its transaction committed and that its caller need not
 * wait for (a supplier's answer should not wait for the repair of the plan it caused). Kept in
 * one place so a simulation or a test can wait for all of it (`settleFollowUps`) and stay
 * deterministic, and so a failure is logged, never lost in an unhandled rejection.
 */
const globalForFollowUps = globalThis as unknown as { __promiseFollowUps?: Set<Promise<unknown>> };
const pending = (globalForFollowUps.__promiseFollowUps ??= new Set());

export function runFollowUp(name: string, task: () => Promise<unknown>): void {
  const run: Promise<unknown> = task()
    .catch((error: unknown) => logger.error({ err: error, followUp: name }, "a follow-up failed"))
    .finally(() => pending.delete(run));
  pending.add(run);
}

/** Resolves when every follow-up started so far, and those they started, have finished. */
export async function settleFollowUps(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
