import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../json/storable-text";

/** The protocol versions this server speaks; an agent announcing another is refused. */
export const PROTOCOL_VERSION = 1;

/** A line token: 256 random bits as base64url (43 characters). */
export const LineTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a line token is 43 base64url characters");

/**
 * The Socket.IO handshake `auth` payload. The protocol number is checked first (on its own),
 * so a future agent learns it speaks the wrong version rather than "malformed".
 */
export const AgentHandshakeSchema = z.strictObject({
  protocol: z.number().int(),
  lineId: z.string().min(1).max(64).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  token: z.string().max(128),
});
export type AgentHandshake = z.infer<typeof AgentHandshakeSchema>;
