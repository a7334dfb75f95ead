"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { apiFetch } from "@/components/api-fetch";
import type { Configuration } from "@/lib/core/configurator/configuration";
import type { DeliveryPromiseView } from "@/lib/core/promise/promise-schemas";

const COUNTRIES = ["SE", "NO", "DK", "FI", "DE", "NL", "FR", "IT", "ES", "GB", "US"];
const DEBOUNCE_MS = 250;
const arrivalFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function confidenceText(promise: Extract<DeliveryPromiseView, { arrivalDate: string }>): string {
  const { confidence } = promise;
  if (promise.kind === "fixed-lead-time") return "Our standard lead time.";
  if (promise.kind === "estimate") return "An estimate: the factory's plan could not be consulted.";
  const level = `${Math.round(confidence.level * 100)} %`;
  if (confidence.source === "prior" || confidence.coverage === null) return `Planned to be kept with at least ${level} probability (no delivery history yet).`;
  return `Kept with at least ${level} probability: ${Math.round(confidence.coverage * 100)} % of ${confidence.samples} recent orders made a date set this way.`;
}

/**
 * The delivery promise on the product page: asked of the server (capable-to-promise against the
 * factory's plan) as the configuration changes, debounced, and held for the consumer for a
 * while — the date shown is the date given at checkout. Until the first answer, `fallback`
 * (the browser's own estimate) stands in.
 */
export function DeliveryPromise(props: { productId: string; configuration: Configuration; quantity: number; valid: boolean; fallback: ReactNode }) {
  const [country, setCountry] = useState("SE");
  const request = useDebounced({ productId: props.productId, configuration: props.configuration, quantity: props.quantity, country }, DEBOUNCE_MS);
  // The previous answer's hold is given back when the next one is asked for.
  const held = useRef<string | null>(null);
  const query = useQuery({
    queryKey: ["delivery-promise", request],
    enabled: props.valid,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const body = await apiFetch<{ promise: DeliveryPromiseView }>("/api/promise", { method: "POST", body: JSON.stringify({ ...request, ...(held.current ? { replaces: held.current } : {}) }) });
      held.current = body.promise.kind === "unavailable" ? null : body.promise.quoteId;
      return body.promise;
    },
    // Ask again when the hold runs out.
    refetchInterval: (current) => {
      const until = current.state.data && current.state.data.kind !== "unavailable" ? current.state.data.heldUntil : null;
      return until ? Math.max(5_000, Date.parse(until) - Date.now()) : false;
    },
    retry: 1,
  });
  const promise = query.data;

  return (
    <div className="border-t border-slate-100 pt-3 text-sm" data-testid="delivery-promise">
      {!props.valid || !promise ? (
        <>
          {props.fallback}
          {props.valid ? <p className="mt-1 text-xs text-slate-500">{query.isError ? "The factory's plan could not be reached." : "Checking the factory's plan…"}</p> : null}
        </>
      ) : promise.kind === "unavailable" ? (
        <p className="text-red-600">{promise.message}</p>
      ) : (
        <>
          <div className={query.isFetching ? "opacity-60" : ""}>
            <span className="text-slate-600">Arrives by </span>
            <strong data-testid="promised-date">{arrivalFormat.format(new Date(`${promise.arrivalDate}T00:00:00Z`))}</strong>
            {promise.express ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">express</span> : null}
          </div>
          <p className="mt-1 text-xs text-slate-600">{confidenceText(promise)}</p>
          <details className="mt-1 text-xs text-slate-500">
            <summary className="cursor-pointer">What this date rests on</summary>
            <ul className="mt-1 list-disc space-y-0.5 pl-4" data-testid="promise-basis">
              {promise.basis.map((entry) => (
                <li key={entry.stage}>{entry.label}</li>
              ))}
            </ul>
          </details>
          {promise.heldUntil ? <p className="mt-1 text-xs text-slate-500">This date is held for you until {timeFormat.format(new Date(promise.heldUntil))}.</p> : null}
        </>
      )}
      <label className="mt-2 flex items-center gap-2 text-xs text-slate-600">
        Deliver to
        <select className="h-7 rounded border border-slate-300 bg-white px-1" value={country} onChange={(event) => setCountry(event.target.value)} aria-label="Destination country">
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
