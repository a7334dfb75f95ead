import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/layout/query-provider";
import { LiveSocketProvider } from "@/components/live/live-socket";
import { SiteHeader } from "@/components/layout/site-header";
import { currentActor } from "@/lib/server/auth/page-guard";
import { loadSignedInUser } from "@/lib/server/users/load-signed-in-user";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tailorline", template: "%s · Tailorline" },
  description: "Configure it, order it, watch it being made.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  const user = await loadSignedInUser(actor);
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <QueryProvider>
          <LiveSocketProvider enabled={actor.kind === "user"}>
            <SiteHeader actor={actor} user={user} />
            <main className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6">{children}</main>
          </LiveSocketProvider>
        </QueryProvider>
      </body>
    </html>
  );
}
