import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

export function printDemoSignIns(port: number): void {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  console.log(`\n  Demo sign-ins (password "${DEMO_PASSWORD}") at http://localhost:${port}/sign-in`);
  for (const user of DEMO_USERS) {
    console.log(`    ${user.email.padEnd(width)}  ${user.role.padEnd(8)} ${user.organization ?? ""}`);
  }
  console.log("");
}
