import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function LandingPage() {
  return (
    <div className="py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-brand-600">Mass customization, open source</p>
      <h1 className="mt-2 max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">Configure it. Order it. Watch it being made.</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600">
        Tailorline turns a configured product into parts requests for suppliers and production jobs for the factory lines,
        schedules them, and shows everyone the status live — with a delivery date you can trust.
      </p>
      <div className="mt-8 flex gap-3">
        <Button asChild size="lg">
          <Link href="/catalogue">Browse the catalogue</Link>
        </Button>
        <Button asChild size="lg" variant="secondary">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
    </div>
  );
}
