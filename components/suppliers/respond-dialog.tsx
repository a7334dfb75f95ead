"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { PartsRequestRow } from "./parts-request-types";

export type ResponseAction = "confirm" | "reject" | "revise";
export type ResponseBody =
  | { action: "confirm"; quantity: number; promisedDate: string }
  | { action: "reject"; reason: string }
  | { action: "revise"; promisedDate: string };

const TITLES: Record<ResponseAction, string> = { confirm: "Confirm request", reject: "Reject request", revise: "Revise promised date" };

/** Confirm (all or part), reject with a reason, or move the promised date of one request. */
export function RespondDialog(props: {
  request: PartsRequestRow;
  action: ResponseAction;
  pending: boolean;
  error?: string;
  onSubmit: (body: ResponseBody) => void;
  onClose: () => void;
}) {
  const { request, action } = props;
  const [quantity, setQuantity] = useState(String(request.quantity));
  const [promisedDate, setPromisedDate] = useState(request.promisedDate?.slice(0, 10) ?? request.neededBy.slice(0, 10));
  const [reason, setReason] = useState("");
  const partial = action === "confirm" && Number(quantity) < request.quantity;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (action === "confirm") props.onSubmit({ action, quantity: Number(quantity), promisedDate });
    else if (action === "reject") props.onSubmit({ action, reason });
    else props.onSubmit({ action, promisedDate });
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={TITLES[action]}
      description={`${request.part.partNumber} · ${request.part.name} — ${request.quantity} ${request.part.unit} for ${request.manufacturer.name}, order ${request.order.number}`}
    >
      <form onSubmit={submit} className="space-y-4">
        {props.error ? <Alert tone="error">{props.error}</Alert> : null}
        {action === "confirm" ? (
          <Field id="confirm-quantity" label={`Quantity you can deliver (of ${request.quantity})`} hint={partial ? "The rest will be asked of another supplier." : undefined}>
            <Input id="confirm-quantity" type="number" min={1} max={request.quantity} step={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} required />
          </Field>
        ) : null}
        {action !== "reject" ? (
          <Field id="promised-date" label="Promised delivery date">
            <Input id="promised-date" type="date" value={promisedDate} onChange={(e) => setPromisedDate(e.target.value)} required />
          </Field>
        ) : (
          <Field id="reject-reason" label="Reason">
            <Input id="reject-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. out of stock until February" required minLength={3} />
          </Field>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={action === "reject" ? "danger" : "primary"} disabled={props.pending}>
            {props.pending ? "Sending…" : action === "confirm" ? (partial ? "Confirm part" : "Confirm") : action === "reject" ? "Reject" : "Save date"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
