import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { IdSchema } from "@/lib/core/accounts/account-schemas";
import { requireArea } from "@/lib/server/auth/page-guard";
import { AppError } from "@/lib/server/errors";
import { getProductDraft } from "@/lib/server/products/get-product-draft";
import { ProductEditor } from "@/components/admin/products/product-editor";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Edit product" };

type Props = { params: Promise<{ productId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminProductPage({ params, searchParams }: Props) {
  const { productId } = await params;
  const actor = await requireArea("admin", `/admin/products/${encodeURIComponent(productId)}`);
  if (actor.organizationKind !== "manufacturer") redirect("/admin/users");
  if (!IdSchema.safeParse(productId).success) notFound();
  const draft = await getProductDraft(actor, productId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const removedParts = (await searchParams).removedParts;
  const name = typeof draft.definition.name === "string" ? draft.definition.name : draft.slug;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/admin" className="hover:underline">
          Administration
        </Link>{" "}
        /{" "}
        <Link href="/admin/products" className="hover:underline">
          Products
        </Link>
      </nav>
      <PageHeader
        title={name}
        description={
          draft.status === "published" ? (
            <>
              Live as version {draft.publishedVersion} at{" "}
              <Link href={`/catalogue/${encodeURIComponent(draft.manufacturerSlug)}/${draft.slug}`} className="text-brand-600 hover:underline">
                its catalogue page
              </Link>
              ; you are editing the draft of version {draft.draftVersion}.
            </>
          ) : (
            draft.status === "archived" ? "Archived: out of the catalogue; placed orders keep their versions." : "A draft: consumers see it once it is published."
          )
        }
      />
      {typeof removedParts === "string" && removedParts ? (
        <div className="mb-4">
          <Alert tone="info">Copied without the BOM lines for parts your factory does not stock: {removedParts.split(",").join(", ")}. Add your own parts in the BOM tab.</Alert>
        </div>
      ) : null}
      <ProductEditor initial={draft} />
    </>
  );
}
