import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { exampleCatalog } from "@/lib/core/configurator/examples";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listProducts } from "@/lib/server/products/list-products";
import { CreateProductForm } from "@/components/admin/products/create-product-form";
import { ProductsTable } from "@/components/admin/products/products-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Products" };

export default async function AdminProductsPage() {
  const actor = await requireArea("admin", "/admin/products");
  if (actor.organizationKind !== "manufacturer") redirect("/admin/users");
  const products = await listProducts(actor);
  const examples = exampleCatalog.map((entry) => ({ slug: entry.product.slug, name: entry.product.name }));
  return (
    <>
      <PageHeader title="Products" description="What consumers can configure: drafts, published versions and what the analysis says about each." />
      <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
        <ProductsTable products={products} />
        <Card className="space-y-3 p-4 lg:self-start">
          <h2 className="text-sm font-semibold">New product</h2>
          <CreateProductForm examples={examples} products={products.map((product) => ({ id: product.id, name: product.name }))} />
        </Card>
      </div>
    </>
  );
}
