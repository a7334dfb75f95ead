import type { Resource, Room } from "@/lib/core/policy";
import { db } from "../db";

/** The tenancy facts of a room's subject, for the policy to decide a join; null if it does not exist. */
export async function loadRoomFacts(room: Room): Promise<Resource | null> {
  switch (room.kind) {
    case "order": {
      const order = await db.order.findUnique({ where: { id: room.id }, select: { consumerId: true, manufacturerId: true } });
      return order ? { consumerId: order.consumerId, manufacturerId: order.manufacturerId } : null;
    }
    case "line": {
      const line = await db.line.findUnique({ where: { id: room.id }, select: { manufacturerId: true } });
      return line ? { manufacturerId: line.manufacturerId } : null;
    }
    case "manufacturer":
      return { manufacturerId: room.id };
    case "supplier":
      return { supplierId: room.id };
    case "user":
      return {};
  }
}
