import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/core/policy";
import { currentActor } from "@/lib/server/auth/page-guard";

/** After sign-in everyone comes here and is sent to their role's home. */
export default async function HomeRedirect() {
  redirect(homePathFor(await currentActor()));
}
