import { db } from "@/lib/server/db";

/**
 * Counts the transactions that wrote anything since it was made. PostgreSQL hands out a
 * transaction id only to a transaction that writes (reads never take one), so two readings of
 * `txid_current()` — each taking one id itself — differ by exactly one when nothing wrote in
 * between. Exact and cheap, as long as nothing else writes to the database meanwhile.
 */
export async function transactionCounter() {
  const before = await currentTransactionId();
  return {
    async writesSince(): Promise<number> {
      return (await currentTransactionId()) - before - 1;
    },
  };
}

async function currentTransactionId(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ id: bigint | number | string }>>`SELECT txid_current() AS id`;
  return Number(row!.id);
}
