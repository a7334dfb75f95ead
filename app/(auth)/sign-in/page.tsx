import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { safeNextPath } from "@/lib/core/policy";

export const metadata: Metadata = { title: "Sign in" };

const AREA_NAMES: Record<string, string> = {
  orders: "customer orders",
  supplier: "the supplier portal",
  board: "the planning board",
  admin: "administration",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next) ?? undefined;
  const denied = typeof params.denied === "string" ? AREA_NAMES[params.denied] : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">Customers, suppliers, planners and admins all sign in here.</p>
      <div className="space-y-3">
        {denied ? <Alert tone="error">Your account cannot open {denied}. Sign in with an account that can.</Alert> : null}
        {params["signed-out"] ? <Alert tone="success">You are signed out.</Alert> : null}
        <Card className="p-6">
          <SignInForm next={next} />
        </Card>
      </div>
      <p className="mt-4 text-center text-sm text-slate-600">
        New here?{" "}
        <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
          Create a customer account
        </Link>
      </p>
    </div>
  );
}
