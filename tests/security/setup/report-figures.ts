import { clearSecurityReports, printSecurityReports } from "../support/security-report";

/**
 * Starts each run with no figures from an earlier one, and prints what this run measured once
 * every file is done: the matrix's size, the fuzz cases run, the calls over real HTTP.
 */
export default function setup() {
  clearSecurityReports("security");
  return () => printSecurityReports("security");
}
