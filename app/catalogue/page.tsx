import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/lib/core/money/format-money";
import { listCatalogue } from "@/lib/server/catalogue/list-catalogue";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Catalogue" };
export const dynamic = "force-dynamic";

export default async function CataloguePage() {
  const catalogue = await listCatalogue();
  return (
    <>
      <PageHeader title="Catalogue" description="Every product is made to your configuration." />
      {catalogue.length === 0 ? <p className="text-slate-600">No products are published yet.</p> : null}
      <div className="space-y-10">
        {catalogue.map(({ manufacturer, products }) => (
          <section key={manufacturer.id} aria-labelledby={`m-${manufacturer.slug}`}>
            <h2 id={`m-${manufacturer.slug}`} className="mb-3 text-lg font-semibold">
              {manufacturer.name}
            </h2>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {products.map((product) => (
                <li key={product.id}>
                  <Link href={`/catalogue/${manufacturer.slug}/${product.slug}`} className="block h-full rounded-xl hover:ring-2 hover:ring-brand-100">
                  <Card className="h-full overflow-hidden">
                    {product.previewSvg ? (
                      <div className="flex h-48 items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 p-3 [&>svg]:h-full [&>svg]:w-auto" aria-hidden dangerouslySetInnerHTML={{ __html: product.previewSvg }} />
                    ) : null}
                    <div className="p-5">
                    <div className="text-xs uppercase tracking-wide text-slate-500">{product.productType}</div>
                    <h3 className="mt-1 font-semibold">{product.name}</h3>
                    <p className="mt-1 line-clamp-2 text-sm text-slate-600">{product.description}</p>
                    <p className="mt-3 text-sm">
                      from <span className="font-semibold">{formatMoney(product.basePrice, product.currency)}</span>
                    </p>
                    </div>
                  </Card>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
