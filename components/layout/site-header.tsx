import Link from "next/link";
import { canUseArea, type Actor } from "@/lib/core/policy";
import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

const ROLE_LABEL = { consumer: "Customer", supplier: "Supplier", planner: "Planner", admin: "Admin" } as const;

export type SignedInUser = { name: string; organizationName: string | null };

export function SiteHeader({ actor, user }: { actor: Actor; user: SignedInUser | null }) {
  const links: Array<{ href: string; label: string }> = [{ href: "/catalogue", label: "Catalogue" }];
  if (canUseArea(actor, "orders")) links.push({ href: "/orders", label: "My orders" }, { href: "/cart", label: "Cart" });
  if (canUseArea(actor, "supplier")) links.push({ href: "/supplier/requests", label: "Parts requests" });
  if (canUseArea(actor, "board")) links.push({ href: "/board", label: "Board" });
  if (canUseArea(actor, "admin")) links.push({ href: actor.kind === "user" && actor.organizationKind === "supplier" ? "/admin/users" : "/admin", label: "Admin" });

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-gradient-to-br from-brand-500 to-emerald-400" />
          Tailorline
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-1 overflow-x-auto">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
              {link.label}
            </Link>
          ))}
        </nav>
        {actor.kind === "user" && user ? (
          <div className="flex items-center gap-3">
            <div className="hidden text-right text-xs leading-tight sm:block">
              <div className="font-medium text-ink" data-testid="signed-in-user">{user.name}</div>
              <div className="text-slate-500">
                {ROLE_LABEL[actor.role]}
                {user.organizationName ? ` · ${user.organizationName}` : ""}
              </div>
            </div>
            <form action={signOutAction}>
              <Button variant="secondary" size="sm" type="submit">
                Sign out
              </Button>
            </form>
          </div>
        ) : (
          <div className="flex items-center gap-2">
            <Button asChild variant="ghost" size="sm">
              <Link href="/sign-in">Sign in</Link>
            </Button>
            <Button asChild size="sm">
              <Link href="/sign-up">Create account</Link>
            </Button>
          </div>
        )}
      </div>
    </header>
  );
}
