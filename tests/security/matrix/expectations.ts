import type { Expectations } from "./matrix-types";

/**
 * The rows of the matrix, written out in full: reading one says who may do it. "A" is the
 * first manufacturer (owner of every target), "B" the second; supplier A serves A.
 */

export const PUBLIC: Expectations = {
  anonymous: "allow", consumer: "allow", otherConsumer: "allow",
  adminA: "allow", plannerA: "allow", adminB: "allow", plannerB: "allow",
  supplierA: "allow", supplierAdminA: "allow", supplierB: "allow", supplierAdminB: "allow",
};

export const SIGNED_IN: Expectations = { ...PUBLIC, anonymous: 401 };

/** Consumers' own things (their orders list, their cart, placing an order); staff have none. */
export const CONSUMERS: Expectations = {
  anonymous: 401, consumer: "allow", otherConsumer: "allow",
  adminA: 403, plannerA: 403, adminB: 403, plannerB: 403,
  supplierA: 403, supplierAdminA: 403, supplierB: 403, supplierAdminB: 403,
};

/** One consumer's cart item: the other consumer is told it does not exist. */
export const CART_ITEM_OF_CONSUMER: Expectations = { ...CONSUMERS, otherConsumer: 404 };

/** An order of the consumer, made by A: its owner and A's staff read it. */
export const ORDER_READ: Expectations = {
  anonymous: 401, consumer: "allow", otherConsumer: 404,
  adminA: "allow", plannerA: "allow", adminB: 404, plannerB: 404,
  supplierA: 404, supplierAdminA: 404, supplierB: 404, supplierAdminB: 404,
};

/** Only its owner cancels an order; A's staff know it exists but may not. */
export const ORDER_CANCEL: Expectations = { ...ORDER_READ, adminA: 403, plannerA: 403 };

/** An admin acting on their own manufacturer (lists, creations): every manufacturer admin has one. */
export const OWN_FACTORY_ADMIN: Expectations = {
  anonymous: 401, consumer: 404, otherConsumer: 404,
  adminA: "allow", plannerA: 403, adminB: "allow", plannerB: 403,
  supplierA: 404, supplierAdminA: 404, supplierB: 404, supplierAdminB: 404,
};

/** Planners and admins on their own manufacturer's board. */
export const OWN_FACTORY_PLANNERS: Expectations = { ...OWN_FACTORY_ADMIN, plannerA: "allow", plannerB: "allow" };

/** A product of A: product management is decided before the product is looked up (B's planner: 403 for any id). */
export const PRODUCT_OF_A: Expectations = { ...OWN_FACTORY_ADMIN, adminB: 404 };

/** A line, job or plan of A for planners: B's staff are told it does not exist. */
export const A_THING_FOR_PLANNERS: Expectations = {
  anonymous: 401, consumer: 404, otherConsumer: 404,
  adminA: "allow", plannerA: "allow", adminB: 404, plannerB: 404,
  supplierA: 404, supplierAdminA: 404, supplierB: 404, supplierAdminB: 404,
};

/** A line's credentials, A's users: admins of A only; A's planner knows it exists (403). */
export const A_THING_FOR_ADMIN: Expectations = { ...A_THING_FOR_PLANNERS, plannerA: 403 };

/** A parts request of A addressed to supplier A: the supplier answers; A's staff may see but not answer. */
export const PARTS_REQUEST_RESPOND: Expectations = {
  anonymous: 401, consumer: 404, otherConsumer: 404,
  adminA: 403, plannerA: 403, adminB: 404, plannerB: 404,
  supplierA: "allow", supplierAdminA: "allow", supplierB: 404, supplierAdminB: 404,
};

/** A supplier's inbox: every supplier has its own; nobody else has one. */
export const SUPPLIER_INBOX: Expectations = {
  anonymous: 401, consumer: 403, otherConsumer: 403,
  adminA: 403, plannerA: 403, adminB: 403, plannerB: 403,
  supplierA: "allow", supplierAdminA: "allow", supplierB: "allow", supplierAdminB: "allow",
};
