import type { FreshTargets } from "../support/fresh-targets";
import type { ActorKey, World } from "../support/security-world";

/** The policy's answers, as HTTP says them: allowed, 401, 403, or 404 (hidden, leaking nothing). */
export type Outcome = "allow" | 401 | 403 | 404;
export type Expectations = Record<ActorKey, Outcome>;

export type CallContext = { world: World; fresh: FreshTargets; actor: ActorKey };

export type RouteCall = {
  params?: Record<string, string | string[]>;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A raw body (CSV uploads), sent as text/csv. */
  text?: string;
};

export type MatrixEntry = {
  expect: Expectations;
  /** What an allowed call answers: a status, or "status CODE" for an error that comes after authorization. */
  ok: Array<number | `${number} ${string}`>;
  call: (context: CallContext) => RouteCall | Promise<RouteCall>;
  /**
   * The same call aimed at a target that does not exist. An outsider's refusal of the real
   * target must be byte-for-byte the answer for a missing one: no existence leak.
   */
  missing?: (context: CallContext) => RouteCall | Promise<RouteCall>;
  /** Who may know the target exists (A's staff unless said otherwise): their refusals may differ. */
  insiders?: ActorKey[];
  /** An admin change: the audit entry an allowed call leaves (with actor, target, time, address). */
  audit?: string;
  /** A mutation an admin may make that is deliberately not audited, and why. */
  notAudited?: string;
  /** Extra checks of an allowed answer's body; returns the problem, or null. */
  verify?: (context: CallContext, body: unknown) => string | null;
  /** Waits for work an allowed call left running (a scheduler run) before the next call. */
  settle?: (context: CallContext) => Promise<void>;
};

export type SocketMatrixEntry = {
  namespace: "/live" | "/agent";
  /** How the event is decided, in words, for the report. */
  decided: string;
};

/** A server action: a POST to a page, as public as the page (sign-in, sign-up, sign-out). */
export type ServerActionEntry = {
  expect: Expectations;
  /** Runs the action as the actor and answers "allow" or the refusal it met. */
  run: (context: CallContext & { cookie: string | undefined }) => Promise<Outcome>;
};
