import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { decodeConfiguration } from "@/lib/core/configurator/configuration-url";
import { currentActor } from "@/lib/server/auth/page-guard";
import { loadProductPage } from "@/lib/server/catalogue/load-product-page";
import { clock } from "@/lib/server/clock";
import { Configurator } from "@/components/configurator/configurator";

type Props = { params: Promise<{ manufacturerSlug: string; productSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SlugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);
const QuantitySchema = z.coerce.number().int().min(1).max(20).catch(1);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { manufacturerSlug, productSlug } = await params;
  if (!SlugSchema.safeParse(manufacturerSlug).success || !SlugSchema.safeParse(productSlug).success) return {};
  const page = await loadProductPage(manufacturerSlug, productSlug);
  return page ? { title: page.definition.name, description: page.definition.description } : {};
}

export default async function ProductPage({ params, searchParams }: Props) {
  const { manufacturerSlug, productSlug } = await params;
  if (!SlugSchema.safeParse(manufacturerSlug).success || !SlugSchema.safeParse(productSlug).success) notFound();
  const page = await loadProductPage(manufacturerSlug, productSlug);
  if (!page) notFound();
  const query = await searchParams;
  const encoded = typeof query.c === "string" ? query.c : "";
  const decoded = encoded ? decodeConfiguration(page.definition, encoded) : { configuration: {}, dropped: [] };
  const actor = await currentActor();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/catalogue" className="hover:underline">
          Catalogue
        </Link>{" "}
        / {page.manufacturer.name}
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{page.definition.name}</h1>
      {page.definition.description ? <p className="mb-6 mt-1 max-w-3xl text-slate-600">{page.definition.description}</p> : null}
      <Configurator
        productId={page.productId}
        definition={page.definition}
        availability={page.availability}
        initialConfiguration={decoded.configuration}
        initialQuantity={QuantitySchema.parse(query.q)}
        dropped={decoded.dropped}
        signedInAsConsumer={actor.kind === "user" && actor.role === "consumer"}
        today={clock.now().toISOString().slice(0, 10)}
      />
    </>
  );
}
