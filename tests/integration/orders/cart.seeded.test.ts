import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/core/configurator/evaluate";
import { refrigerator } from "@/lib/core/configurator/examples";
import { POST } from "@/app/api/cart/items/route";
import { DELETE } from "@/app/api/cart/items/[itemId]/route";
import { db } from "@/lib/server/db";
import { listCart } from "@/lib/server/cart/list-cart";
import { actorOf } from "../../support/actors";
import { createUser } from "../../support/factories";
import { defaultConfiguration } from "../../support/order-fixtures";

const headers = (cookie: string) => ({ cookie, origin: "http://localhost:3000", host: "localhost:3000" });
const post = (cookie: string, body: unknown) => POST(new Request("http://localhost:3000/api/cart/items", { method: "POST", headers: headers(cookie), body: JSON.stringify(body) }), {});

describe("cart", () => {
  it("adds a configuration checked and priced by the server, and lists it priced now", async () => {
    const consumer = await createUser("consumer", null);
    const configuration = defaultConfiguration(refrigerator);
    const quoted = evaluate(refrigerator, configuration, { quantity: 2 }).price.total;
    const response = await post(consumer.cookie, { productId: refrigerator.id, configuration, quantity: 2, quotedTotal: quoted });
    expect(response.status).toBe(201);
    const items = await listCart(await actorOf(consumer));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ productId: refrigerator.id, quantity: 2, valid: true, total: quoted, available: true });
  });

  it("refuses tampered prices, unknown options, out-of-range numbers and bad characters with the field named — and stores nothing", async () => {
    const consumer = await createUser("consumer", null);
    const configuration = defaultConfiguration(refrigerator);
    const cases: Array<[unknown, string]> = [
      [{ productId: refrigerator.id, configuration, quantity: 1, quotedTotal: 1 }, "quotedTotal"],
      [{ productId: refrigerator.id, configuration: { ...configuration, finish: "gold-leaf" }, quantity: 1 }, "configuration.finish"],
      [{ productId: refrigerator.id, configuration: { ...configuration, width: 500 }, quantity: 1 }, "configuration.width"],
      [{ productId: refrigerator.id, configuration: { ...configuration, engraving: "<script>" }, quantity: 1 }, "configuration.engraving"],
    ];
    for (const [body, field] of cases) {
      const response = await post(consumer.cookie, body);
      expect(response.status).toBe(400);
      const error = (await response.json()).error;
      expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const malformed = await post(consumer.cookie, { productId: refrigerator.id, configuration: "nope", quantity: 0 });
    expect(malformed.status).toBe(422);
    expect(await db.cartItem.count({ where: { consumerId: consumer.id } })).toBe(0);
  });

  it("is the consumer's own: another consumer cannot remove an item, staff have no cart", async () => {
    const owner = await createUser("consumer", null);
    const other = await createUser("consumer", null);
    const created = await (await post(owner.cookie, { productId: refrigerator.id, configuration: defaultConfiguration(refrigerator), quantity: 1 })).json();
    const remove = (cookie: string) =>
      DELETE(new Request(`http://localhost:3000/api/cart/items/${created.item.id}`, { method: "DELETE", headers: headers(cookie) }), { params: Promise.resolve({ itemId: created.item.id }) });
    expect((await remove(other.cookie)).status).toBe(404);
    const planner = await createUser("planner", (await db.organization.findUniqueOrThrow({ where: { slug: "nordkyl" } })).id);
    expect((await post(planner.cookie, { productId: refrigerator.id, configuration: {}, quantity: 1 })).status).toBe(403);
    expect((await remove(owner.cookie)).status).toBe(204);
  });
});
