/**
 * The authorization matrix (issue 11, docs/decisions/0009-security-proof.md): for every API route
 * and method, how to call it as each actor and what the policy answers; for every socket event,
 * how it is decided; for every server action, who may call it. The tests discover routes, socket
 * events and server actions at run time and fail on anything on disk that is not here, and on
 * anything here that is no longer on disk.
 */
import { ADMIN_ROUTES } from "./matrix/admin-routes";
import { COMMERCE_ROUTES } from "./matrix/commerce-routes";
import { PUBLIC } from "./matrix/expectations";
import { FACTORY_ROUTES } from "./matrix/factory-routes";
import { LINE_ADMIN_ROUTES } from "./matrix/line-admin-routes";
import type { Expectations, MatrixEntry, SocketMatrixEntry } from "./matrix/matrix-types";
import { PROMISE_ROUTES } from "./matrix/promise-routes";

export type { CallContext, Expectations, MatrixEntry, Outcome, RouteCall } from "./matrix/matrix-types";

/** Keyed "<route> <METHOD>", the route as its folder under app/ ("/api/orders/[orderId]"). */
export const ROUTE_MATRIX: Record<string, MatrixEntry> = { ...ADMIN_ROUTES, ...LINE_ADMIN_ROUTES, ...FACTORY_ROUTES, ...COMMERCE_ROUTES, ...PROMISE_ROUTES };

/**
 * Socket events a client may send, per namespace ("connection" is the handshake). Rooms are
 * decided by the same policy as HTTP (lib/core/policy/rooms.ts); agents by their credential.
 */
export const SOCKET_MATRIX: Record<string, SocketMatrixEntry> = {
  "/live connection": { namespace: "/live", decided: "session cookie: anonymous refused (UNAUTHENTICATED)" },
  "/live join": { namespace: "/live", decided: "decideRoomJoin per room kind; every refusal is ROOM_NOT_FOUND" },
  "/live leave": { namespace: "/live", decided: "leaves a room the socket is in; grants nothing" },
  "/agent connection": { namespace: "/agent", decided: "line id + token (hash, constant time), revocation, expiry; audited" },
  "/agent birth": { namespace: "/agent", decided: "the authenticated line only" },
  "/agent event": { namespace: "/agent", decided: "the authenticated line's queued jobs only (JOB_NOT_ON_LINE)" },
  "/agent events": { namespace: "/agent", decided: "as event, per event of the batch" },
};

/** Server actions by file and export: sign-in, sign-up and sign-out are public by nature. */
export const SERVER_ACTION_MATRIX: Record<string, Expectations> = {
  "app/(auth)/actions.ts signInAction": PUBLIC,
  "app/(auth)/actions.ts signUpAction": PUBLIC,
  "app/(auth)/actions.ts signOutAction": PUBLIC,
};
