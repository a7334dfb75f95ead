import { randomUUID } from "node:crypto";
import type { Evaluation } from "@/lib/core/configurator/evaluate";
import { isoMinute } from "@/lib/core/planning/scheduling-instance";
import { capableToPromise, fixedLeadTimePromise, type CapablePromise } from "@/lib/core/promise/capable-to-promise";
import { earliestRelease } from "@/lib/core/promise/earliest-release";
import type { HeldUnit } from "@/lib/core/promise/promise-plan";
import type { TrialRequest } from "@/lib/core/promise/trial-insertion";
import { loadPromiseFactory, shippingTermsFor, type PromiseFactory } from "./load-promise-factory";
import { loadSafetyMargins } from "./load-safety-margins";
import type { PartsView } from "./load-parts-view";
import { addHolds, ensurePromiseBase, loadPublishedPlanRef, removeHolds, trialInsertions, type PublishedPlanRef } from "./promise-base";

/**
 * Promises for order lines (a quote's one line, or an order's lines together): parts → release,
 * one trial insertion for all lines (each goes around the ones before it), the learned margin,
 * shipping to the destination. The capacity found is held at once by the promise worker, in the
 * same step as the trial, so the next question goes around it: for `expiresAt` (a quote) or
 * until the order is in a published plan (null).
 */
export type LineToPromise = { evaluation: Evaluation; quantity: number };

export type LinePromise = { promise: CapablePromise; hold: { id: string; units: HeldUnit[] } | null };

export type LinesPromised =
  | { kind: "promised"; factory: PromiseFactory; lines: LinePromise[] }
  | { kind: "unavailable"; missing: Array<{ partNumber: string; shortfall: number }>; message: string }
  /** No line has room in the horizon, or the factory has no line time at all: no promise to give. */
  | { kind: "no-capacity"; factory: PromiseFactory; message: string };

// Express options buy priority on the lines (the jobs' weight) and a push of planned work.
export const EXPRESS_WEIGHT = 3;

export async function promiseLines(input: {
  manufacturerId: string;
  lines: LineToPromise[];
  parts: PartsView;
  destination: string;
  now: number;
  /** Epoch ms the holds expire (quotes), or null: held until planned (orders). */
  holdUntil: number | null;
  /** The latest published plan, when the caller has read it already. */
  published?: PublishedPlanRef;
}): Promise<LinesPromised> {
  const { manufacturerId, now } = input;
  const factory = await loadPromiseFactory(manufacturerId, now);
  const terms = shippingTermsFor(factory, input.destination);
  if (factory.mode === "fixed_lead_time") {
    return { kind: "promised", factory, lines: input.lines.map(() => ({ promise: fixedLeadTimePromise({ now, leadTimeDays: factory.fixedLeadTimeDays, shipping: terms }), hold: null })) };
  }
  const releases: Array<Extract<ReturnType<typeof earliestRelease>, { kind: "release" }>> = [];
  for (const line of input.lines) {
    const release = earliestRelease({ now, ...input.parts, partsList: line.evaluation.partsList, optionLeadTimeDays: line.evaluation.leadTimeDays });
    if (release.kind === "unavailable") return release;
    releases.push(release);
  }
  const margins = await loadSafetyMargins(manufacturerId, now, factory.calendar, factory.confidence);
  const notBefore = isoMinute(Math.ceil(now / 60_000) * 60_000);
  const published = input.published !== undefined ? input.published : await loadPublishedPlanRef(manufacturerId);
  const base = await ensurePromiseBase(manufacturerId, now, published);
  if (!base.available) return { kind: "no-capacity", factory, message: "No line has production time in the next eight weeks." };
  const requests: TrialRequest[] = input.lines.map((line, index) => {
    const express = line.evaluation.leadTimeDays < 0;
    const unit = { family: line.evaluation.job.family, requires: line.evaluation.job.capabilities, minutes: line.evaluation.job.minutesPerUnit, weight: express ? EXPRESS_WEIGHT : 1, express };
    return { units: Array.from({ length: line.quantity }, () => unit), release: isoMinute(Math.ceil(releases[index]!.release / 60_000) * 60_000), notBefore };
  });
  const holdIds = input.lines.map(() => randomUUID());
  const trials = await trialInsertions(manufacturerId, base, requests, now, holdIds);
  // no line held anything unless every line found room
  if (trials.some((slots) => slots === null)) return { kind: "no-capacity", factory, message: "The lines have no room for this in the next eight weeks." };
  try {
    const lines: LinePromise[] = input.lines.map((line, index) => {
      const release = releases[index]!;
      const slots = trials[index]!;
      const promise = capableToPromise({
        release,
        slots: slots.map((slot) => ({ lineId: slot.lineId, lineCode: base.lineCodes.get(slot.lineId) ?? slot.lineId, start: Date.parse(slot.start), end: Date.parse(slot.end) })),
        margin: release.critical ? margins.supplier : margins.stock,
        calendar: factory.calendar,
        shipping: terms,
        express: line.evaluation.leadTimeDays < 0,
      });
      const due = isoMinute(promise.productionDue);
      const units: HeldUnit[] = slots.map((slot, unit) => {
        const spec = requests[index]!.units[unit]!;
        return { lineId: slot.lineId, start: slot.start, end: slot.end, family: spec.family, requires: spec.requires, minutes: spec.minutes, due };
      });
      return { promise, hold: { id: holdIds[index]!, units } };
    });
    // the holds get their due dates (and a quote's expiry)
    await addHolds(
      manufacturerId,
      lines.map((line) => ({ ...line.hold!, expiresAt: input.holdUntil })),
    );
    return { kind: "promised", factory, lines };
  } catch (error) {
    // the worker holds what it found: give it back
    await removeHolds(manufacturerId, holdIds);
    throw error;
  }
}
