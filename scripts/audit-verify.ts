/**
 * `npm run audit:verify` — re-hashes the audit log of the configured database (DATABASE_URL, or
 * the embedded one) and names the first broken link. Exit code 0: intact; 1: broken; 2: error.
 */
import { describeDatabaseTarget, resolveDatabaseTarget } from "../lib/server/db/database-target";
import { disconnectDatabase } from "../lib/server/db";
import { verifyAuditChain } from "../lib/server/audit/verify-audit-chain";

async function main(): Promise<number> {
  const where = describeDatabaseTarget(resolveDatabaseTarget());
  const report = await verifyAuditChain();
  await disconnectDatabase();
  if (report.ok) {
    console.log(`Audit chain intact: ${report.entries} entries checked in ${where}${report.lastId ? ` (last id ${report.lastId})` : ""}.`);
    return 0;
  }
  console.error(`Audit chain BROKEN at entry ${report.brokenId} (${report.action}, ${report.at}): ${report.reason}. ${report.entries} entries before it hold.`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error("Audit verification failed:", error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
