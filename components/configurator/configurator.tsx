"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { applyChoice } from "@/lib/core/configurator/apply-choice";
import type { ChoiceValue, Configuration, DroppedEntry } from "@/lib/core/configurator/configuration";
import { encodeConfiguration } from "@/lib/core/configurator/configuration-url";
import { evaluate } from "@/lib/core/configurator/evaluate";
import type { ProductDefinition } from "@/lib/core/configurator/product-definition";
import { formatMoney } from "@/lib/core/money/format-money";
import { renderPreviewSvg } from "@/lib/core/preview/render-preview-svg";
import { estimateDelivery } from "@/lib/core/promise/estimate-delivery";
import { DeliveryPromise } from "@/components/promise/delivery-promise";
import { describeEffects } from "./describe-effects";
import { OptionGroupField } from "./option-group-field";

export type Availability = {
  stock: Record<string, number>;
  offers: Record<string, Array<{ supplier: string; leadTimeDays: number; unitPrice: number; minimumOrderQuantity: number }>>;
  partNames: Record<string, string>;
  shippingDays: number;
  minutesPerDay: number;
};

const arrivalFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/**
 * The configurator. Everything the consumer sees — what is still possible and why not, the
 * price, the picture, a first delivery estimate — is computed here, in the browser, by the same
 * core the server runs at order time: no round trip per click. The delivery *promise* comes
 * from the server (the factory's plan), debounced, and replaces the estimate when it arrives.
 * The configuration lives in the URL, so the page can be shared and reopened.
 */
export function Configurator(props: {
  productId: string;
  definition: ProductDefinition;
  availability: Availability;
  initialConfiguration: Configuration;
  initialQuantity: number;
  dropped: DroppedEntry[];
  signedInAsConsumer: boolean;
  today: string;
}) {
  const { definition } = props;
  const router = useRouter();
  const [configuration, setConfiguration] = useState<Configuration>(props.initialConfiguration);
  const [quantity, setQuantity] = useState(props.initialQuantity);
  const [lastEffects, setLastEffects] = useState<string[]>([]);
  const [cartState, setCartState] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [adding, setAdding] = useState(false);

  const evaluation = useMemo(() => evaluate(definition, configuration, { quantity }), [definition, configuration, quantity]);
  const preview = useMemo(() => renderPreviewSvg(definition, evaluation.configuration), [definition, evaluation.configuration]);
  const estimate = useMemo(
    () =>
      estimateDelivery({
        today: props.today,
        partsList: evaluation.partsList,
        stock: props.availability.stock,
        offers: props.availability.offers,
        partNames: props.availability.partNames,
        productionMinutes: evaluation.job.minutes,
        minutesPerDay: props.availability.minutesPerDay,
        optionLeadTimeDays: evaluation.leadTimeDays,
        shippingDays: props.availability.shippingDays,
      }),
    [evaluation, props.availability, props.today],
  );
  const encoded = useMemo(() => encodeConfiguration(definition, configuration), [definition, configuration]);

  // The shareable link follows every change, without adding history entries.
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("c", encoded);
    if (quantity > 1) url.searchParams.set("q", String(quantity));
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  }, [encoded, quantity]);

  const choose = (groupCode: string, value: ChoiceValue | null) => {
    const result = applyChoice(definition, configuration, groupCode, value, { quantity });
    if (!result.ok) return;
    setConfiguration(result.configuration);
    setLastEffects(describeEffects(definition, evaluation.configuration, result.evaluation.configuration, groupCode));
    setCartState(null);
  };
  const describeForce = (groupCode: string) => (value: ChoiceValue) => {
    const result = applyChoice(definition, configuration, groupCode, value, { quantity });
    if (!result.ok || !result.resolved) return null;
    const effects = describeEffects(definition, evaluation.configuration, result.evaluation.configuration, groupCode);
    return effects.length > 0 ? `also changes ${effects.join(", ")}` : "nothing else changes";
  };

  const addToCart = async () => {
    if (!props.signedInAsConsumer) {
      router.push(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      return;
    }
    setAdding(true);
    setCartState(null);
    try {
      await apiFetch("/api/cart/items", {
        method: "POST",
        body: JSON.stringify({ productId: props.productId, configuration: evaluation.configuration, quantity, quotedTotal: evaluation.price.total }),
      });
      setCartState({ tone: "success", text: "Added to your cart." });
    } catch (error) {
      setCartState({ tone: "error", text: error instanceof ApiError ? error.message : "Could not add to the cart; try again." });
    } finally {
      setAdding(false);
    }
  };

  const errorsByGroup = new Map(evaluation.errors.map((error) => [error.group, error.message]));

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_380px]">
      <div className="space-y-6">
        {props.dropped.length > 0 ? (
          <Alert tone="error">
            Some choices in this link could not be kept:{" "}
            {props.dropped.map((entry) => `${entry.group ?? entry.entry} (${entry.message})`).join("; ")}.
          </Alert>
        ) : null}
        {lastEffects.length > 0 ? (
          <Alert tone="info">
            <span data-testid="choice-effects">To fit your choice we also changed {lastEffects.join(", ")}.</span>
          </Alert>
        ) : null}
        <Card className="space-y-6 p-5">
          {evaluation.groups.map((group) => (
            <OptionGroupField
              key={group.code}
              group={group}
              currency={evaluation.currency}
              error={errorsByGroup.get(group.code)}
              onChoose={(value) => choose(group.code, value)}
              describeForce={describeForce(group.code)}
            />
          ))}
        </Card>
      </div>

      <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <Card className="overflow-hidden">
          <div className="flex aspect-square items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 p-4" role="img" aria-label={`Preview of your ${definition.name}`}>
            <div className="h-full w-full [&>svg]:h-full [&>svg]:w-full" data-testid="product-preview" dangerouslySetInnerHTML={{ __html: preview }} />
          </div>
        </Card>
        <Card className="space-y-3 p-5">
          <div className="flex items-baseline justify-between">
            <span className="text-sm text-slate-600">Price</span>
            <span className="text-2xl font-semibold" data-testid="price-total">
              {formatMoney(evaluation.price.total, evaluation.currency)}
            </span>
          </div>
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-600">Price breakdown</summary>
            <ul className="mt-2 space-y-1" data-testid="price-lines">
              {evaluation.price.lines.map((line, index) => (
                <li key={index} className="flex justify-between gap-2">
                  <span className="text-slate-600">{line.label}</span>
                  <span>{formatMoney(line.amount, evaluation.currency)}</span>
                </li>
              ))}
            </ul>
          </details>
          <div data-testid="delivery-estimate">
            <DeliveryPromise
              productId={props.productId}
              configuration={evaluation.configuration}
              quantity={quantity}
              valid={evaluation.valid && estimate.kind === "estimate"}
              fallback={
                estimate.kind === "estimate" ? (
                  <>
                    <div>
                      <span className="text-slate-600">Estimated delivery: </span>
                      <strong>{arrivalFormat.format(new Date(`${estimate.arrivalDate}T00:00:00Z`))}</strong>
                    </div>
                    <p className="mt-1 text-xs text-slate-500">An estimate, not yet a promise: {estimate.basis.map((stage) => stage.label).join(", ")}.</p>
                  </>
                ) : (
                  <p className="text-red-600">{estimate.message}</p>
                )
              }
            />
          </div>
          <div className="flex items-center gap-2 border-t border-slate-100 pt-3">
            <label htmlFor="quantity" className="text-sm text-slate-600">
              Quantity
            </label>
            <select id="quantity" className="h-10 rounded-md border border-slate-300 bg-white px-2 text-sm" value={quantity} onChange={(e) => setQuantity(Number(e.target.value))}>
              {Array.from({ length: 20 }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <Button className="flex-1" onClick={addToCart} disabled={!evaluation.valid || adding || estimate.kind !== "estimate"}>
              {adding ? "Adding…" : evaluation.valid ? "Add to cart" : "Complete your choices"}
            </Button>
          </div>
          {cartState ? (
            <Alert tone={cartState.tone}>
              {cartState.text}{" "}
              {cartState.tone === "success" ? (
                <a href="/cart" className="font-medium underline">
                  Go to cart
                </a>
              ) : null}
            </Alert>
          ) : null}
          <button
            type="button"
            className="text-sm font-medium text-brand-600 hover:underline"
            onClick={() => navigator.clipboard?.writeText(window.location.href).then(() => setCartState({ tone: "success", text: "Link copied: it opens this exact configuration." }))}
          >
            Copy link to this configuration
          </button>
        </Card>
      </div>
    </div>
  );
}
