"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { BoardLine } from "./board-types";

/** Mark a line down until a time (a repair proposal follows) or back up. */
export function LineActions(props: {
  line: BoardLine;
  pending: boolean;
  error?: string;
  onDown: (input: { until: string; reason: string }) => void;
  onUp: () => void;
  onClose: () => void;
}) {
  const down = props.line.status === "down";
  const [until, setUntil] = useState(() => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16));
  const [reason, setReason] = useState("");
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title={`${props.line.code} · ${props.line.name}`} description={`Capabilities: ${props.line.capabilities.join(", ")}`}>
      {props.error ? <Alert tone="error">{props.error}</Alert> : null}
      {down ? (
        <div className="space-y-3">
          <p className="text-sm">This line is down{props.line.statusReason ? `: ${props.line.statusReason}` : ""}.</p>
          <Button onClick={props.onUp} disabled={props.pending}>
            Line is back up
          </Button>
        </div>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            props.onDown({ until: new Date(until).toISOString(), reason });
          }}
        >
          <Field id="down-until" label="Down until (your local time)">
            <Input id="down-until" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} required />
          </Field>
          <Field id="down-reason" label="Reason">
            <Input id="down-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. foam head failure" required minLength={3} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={props.pending}>
              {props.pending ? "Marking…" : "Mark line down and propose a repair"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
