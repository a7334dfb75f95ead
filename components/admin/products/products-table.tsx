import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

/** GET /api/admin/products — one row (lib/server/products/list-products.ts). */
export type ProductRow = {
  id: string;
  slug: string;
  name: string;
  productType: string;
  status: "draft" | "published" | "archived";
  draftVersion: number;
  publishedVersion: number | null;
  versions: number;
  lastPublishedAt: string | null;
  draftDiffers: boolean;
  problems: number;
};

const STATUS_TONE = { draft: "info", published: "good", archived: "neutral" } as const;
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The factory's products with their state: live version, unpublished changes, problems. */
export function ProductsTable({ products }: { products: ProductRow[] }) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Product</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2">Published</th>
            <th className="px-3 py-2">Draft</th>
            <th className="px-3 py-2">Analysis</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id} className="border-b border-slate-100" data-testid={`product-row-${product.slug}`}>
              <td className="px-3 py-2">
                <Link href={`/admin/products/${product.id}`} className="font-medium text-brand-700 hover:underline">
                  {product.name}
                </Link>
                <div className="text-xs text-slate-500">
                  {product.slug} · {product.productType}
                </div>
              </td>
              <td className="px-3 py-2">
                <Badge tone={STATUS_TONE[product.status]}>{product.status}</Badge>
              </td>
              <td className="px-3 py-2 text-slate-700">
                {product.publishedVersion === null ? (
                  <span className="text-slate-500">never</span>
                ) : (
                  <>
                    v{product.publishedVersion}
                    <span className="block text-xs text-slate-500">
                      {product.versions} version{product.versions === 1 ? "" : "s"}
                      {product.lastPublishedAt ? `, last ${dateFormat.format(new Date(product.lastPublishedAt))}` : ""}
                    </span>
                  </>
                )}
              </td>
              <td className="px-3 py-2">
                v{product.draftVersion} {product.draftDiffers ? <Badge tone="warn">unpublished changes</Badge> : null}
              </td>
              <td className="px-3 py-2">
                {product.problems === 0 ? <Badge tone="good">no problems</Badge> : <Badge tone="bad">{product.problems} problems</Badge>}
              </td>
            </tr>
          ))}
          {products.length === 0 ? (
            <tr>
              <td colSpan={5} className="px-3 py-6 text-center text-slate-500">
                No products yet: create the first one.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </Card>
  );
}
