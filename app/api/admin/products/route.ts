import { loadActorFromHeaders } from "@/lib/server/auth/load-actor";
import { parseInput } from "@/lib/server/errors";
import { apiRoute, readJson } from "@/lib/server/http/api-route";
import { clientAddress } from "@/lib/server/http/client-address";
import { createProduct } from "@/lib/server/products/create-product";
import { CreateProductSchema } from "@/lib/server/products/create-product.schema";
import { listProducts } from "@/lib/server/products/list-products";

export const GET = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  return Response.json({ products: await listProducts(actor) });
});

export const POST = apiRoute(async (request: Request) => {
  const actor = await loadActorFromHeaders(request.headers);
  const input = parseInput(CreateProductSchema, await readJson(request));
  return Response.json(await createProduct(actor, input, clientAddress(request.headers)), { status: 201 });
});
