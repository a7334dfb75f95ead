"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProductDefinitionSchema } from "@/lib/core/configurator";
import type { DraftDocument } from "./editor-types";

/**
 * The escape hatch: the whole document as JSON. Applying replaces the draft in the editor (not
 * on the server until saved); whatever the schema or the analysis says about it shows as usual.
 */
export function JsonSection(props: { draft: DraftDocument; onApply: (draft: DraftDocument) => void }) {
  const [text, setText] = useState(() => JSON.stringify(props.draft, null, 2));
  const [error, setError] = useState<string>();
  const apply = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("The document must be a JSON object.");
      setError(undefined);
      // A valid document comes back with its defaults filled in, which the forms expect.
      const checked = ProductDefinitionSchema.safeParse(parsed);
      props.onApply((checked.success ? checked.data : parsed) as DraftDocument);
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : "Not valid JSON.");
    }
  };
  return (
    <div className="space-y-3">
      <label htmlFor="definition-json" className="block text-sm font-medium">
        Definition document (JSON)
      </label>
      <textarea
        id="definition-json"
        className="block h-[32rem] w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
        spellCheck={false}
        value={text}
        aria-invalid={error !== undefined}
        aria-describedby={error ? "definition-json-error" : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {error ? (
        <div id="definition-json-error">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="button" onClick={apply}>
          Apply JSON to the draft
        </Button>
        <Button type="button" variant="secondary" onClick={() => setText(JSON.stringify(props.draft, null, 2))}>
          Reset to the draft
        </Button>
      </div>
    </div>
  );
}
