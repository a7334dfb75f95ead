import { db } from "@/lib/server/db";

/**
 * Counts the transactions that committed a write since it was made. PostgreSQL hands out a
 * transaction id only to a transaction that writes (reads never take one), and remembers how
 * each ended: the ids taken between two readings of `txid_current()` are exactly the writing
 * transactions in between, and `txid_status` says which of them committed (a write that was
 * rolled back changed nothing). Exact and cheap, as long as nothing else writes meanwhile.
 */
export async function transactionCounter() {
  const before = await currentTransactionId();
  return {
    async writesSince(): Promise<number> {
      const after = await currentTransactionId();
      if (after - before <= 1) return 0;
      const [row] = await db.$queryRaw<Array<{ committed: bigint | number }>>`
        SELECT count(*) AS committed FROM generate_series(${before + 1}::bigint, ${after - 1}::bigint) AS id
        WHERE txid_status(id) = 'committed'`;
      return Number(row!.committed);
    },
  };
}

async function currentTransactionId(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ id: bigint | number | string }>>`SELECT txid_current() AS id`;
  return Number(row!.id);
}
