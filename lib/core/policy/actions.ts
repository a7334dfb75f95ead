/**
 * Everything a user can ask to do, named for the policy. Each action is decided against the
 * resource it touches: which manufacturer owns it, which supplier it is addressed to, which
 * consumer placed it, which organization it belongs to.
 */
export const ACTIONS = [
  "catalogue.read",
  "product.manage",
  "cart.use",
  "order.place",
  "order.read",
  "order.cancel",
  "order.list-own",
  "parts-request.list",
  "parts-request.read",
  "parts-request.respond",
  "parts.manage",
  "suppliers.manage",
  "board.read",
  "job.move",
  "job.lock",
  "plan.run",
  "plan.publish",
  "line.read",
  "line.manage",
  "line-stop.manage",
  "line.command",
  "line-credential.manage",
  "users.manage",
  "audit.read",
] as const;

export type Action = (typeof ACTIONS)[number];

/** The tenancy facts of the thing acted on; the server loads them, the policy decides. */
export type Resource = {
  /** The manufacturer that owns it (products, parts, lines, jobs, plans, orders). */
  manufacturerId?: string;
  /** The supplier organization it is addressed to (parts requests). */
  supplierId?: string;
  /** The consumer who owns it (orders). */
  consumerId?: string;
  /** The organization it belongs to (users, settings). */
  organizationId?: string;
  /** For a parts request: the manufacturers this supplier serves are checked by the server. */
};
