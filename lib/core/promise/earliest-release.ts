import { addCalendarDays, estimateDelivery, type DeliveryEstimateInput, type PartSourcing } from "./estimate-delivery";

/**
 * The first step of a capable-to-promise: when could production start, as far as parts go?
 * Stock first (it is there now); a shortfall comes from the fastest supplier, whose parts are
 * there from the start of the day its lead time ends (a supplier promises dates, and a confirmed
 * date becomes the jobs' release at 00:00 UTC). Options with a lead-time effect (a special
 * finish) add their days; express options (negative) do not bring parts sooner.
 */
export type ReleaseInput = Pick<DeliveryEstimateInput, "partsList" | "stock" | "offers" | "partNames"> & {
  /** Epoch ms. */
  now: number;
  optionLeadTimeDays: number;
};

export type EarliestRelease =
  | {
      kind: "release";
      /** Epoch ms: production may start from here. */
      release: number;
      /** The part that decides the release, when a supplier does. */
      critical: { partNumber: string; name: string; supplier: string; leadTimeDays: number } | null;
      optionDays: number;
      parts: PartSourcing[];
    }
  | { kind: "unavailable"; missing: Array<{ partNumber: string; shortfall: number }>; message: string };

const startOfUtcDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function earliestRelease(input: ReleaseInput): EarliestRelease {
  const today = new Date(input.now).toISOString().slice(0, 10);
  const sourcing = estimateDelivery({ today, partsList: input.partsList, stock: input.stock, offers: input.offers, partNames: input.partNames, productionMinutes: 0, shippingDays: 0 });
  if (sourcing.kind === "unavailable") return sourcing;
  const critical = sourcing.parts.reduce<PartSourcing | null>((latest, part) => (part.leadTimeDays > (latest?.leadTimeDays ?? 0) ? part : latest), null);
  const partsDays = critical?.leadTimeDays ?? 0;
  const optionDays = Math.max(0, Math.ceil(input.optionLeadTimeDays));
  const days = Math.max(partsDays, optionDays);
  const release = days === 0 ? input.now : Math.max(input.now, startOfUtcDay(addCalendarDays(today, days)));
  return {
    kind: "release",
    release,
    critical: critical && critical.supplier ? { partNumber: critical.partNumber, name: input.partNames?.[critical.partNumber] ?? critical.partNumber, supplier: critical.supplier, leadTimeDays: critical.leadTimeDays } : null,
    optionDays,
    parts: sourcing.parts,
  };
}
