import { refrigerator } from "@/lib/core/configurator/examples";
import { db } from "@/lib/server/db";
import { defaultConfiguration } from "../../support/order-fixtures";
import { OWN_FACTORY_PLANNERS, PUBLIC } from "./expectations";
import type { MatrixEntry } from "./matrix-types";

/** Delivery promises: quoted to anyone configuring; revised dates confirmed by the factory's planners. */
export const PROMISE_ROUTES: Record<string, MatrixEntry> = {
  // The configurator asks before anyone signs in; a quote holds capacity for its holder only.
  "/api/promise POST": {
    expect: PUBLIC,
    ok: [200],
    call: () => ({ body: { productId: refrigerator.id, configuration: defaultConfiguration(refrigerator), quantity: 1, country: "SE" } }),
    notAudited: "a quote changes nothing an admin decides: it holds capacity for its holder until it expires",
  },
  "/api/promise/revisions GET": { expect: OWN_FACTORY_PLANNERS, ok: [200], call: () => ({}) },
  "/api/promise/revisions POST": {
    expect: OWN_FACTORY_PLANNERS,
    // A's order with a revised date: A's planners confirm it; for B's it is none of theirs.
    ok: [200, "404 NO_REVISED_DATES"],
    call: async ({ fresh }) => {
      const order = await fresh.order();
      await db.order.update({ where: { id: order.id }, data: { revisedPromisedDate: new Date(Date.now() + 20 * 86_400_000), revisionCause: "matrix: a supplier slipped" } });
      return { body: { orderIds: [order.id] } };
    },
    notAudited: "a planner's confirmation of dates the repaired plan already holds; each order's timeline records it for its consumer",
  },
};
