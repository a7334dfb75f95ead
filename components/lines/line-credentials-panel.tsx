"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Credential = {
  id: string;
  label: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  lastUsedAddress: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  state: "active" | "expiring" | "expired" | "revoked";
};

const STATE_TONE = { active: "good", expiring: "warn", expired: "neutral", revoked: "bad" } as const;

/**
 * A line's credentials: issue one (its token is shown here once and never again), rotate (the
 * old token works through a grace period) and revoke (the agent using it is cut off at once).
 */
export function LineCredentialsPanel({ lineId, initial }: { lineId: string; initial: Credential[] }) {
  const queryClient = useQueryClient();
  const key = ["line-credentials", lineId];
  const url = `/api/lines/${lineId}/credentials`;
  const credentials = useQuery({ queryKey: key, queryFn: () => apiFetch<{ credentials: Credential[] }>(url).then((body) => body.credentials), initialData: initial });
  const [label, setLabel] = useState("");
  const [revealed, setRevealed] = useState<{ token: string; note: string } | null>(null);
  const [error, setError] = useState<string>();
  const settle = { onMutate: () => setError(undefined), onError: (failure: Error) => setError(failure.message), onSettled: () => queryClient.invalidateQueries({ queryKey: key }) };

  const create = useMutation({
    mutationFn: () => apiFetch<{ token: string }>(url, { method: "POST", body: JSON.stringify({ label }) }),
    onSuccess: (issued) => {
      setRevealed({ token: issued.token, note: "New credential issued." });
      setLabel("");
    },
    ...settle,
  });
  const rotate = useMutation({
    mutationFn: (id: string) => apiFetch<{ token: string; previous: { expiresAt: string } }>(`${url}/${id}/rotate`, { method: "POST", body: JSON.stringify({ graceHours: 24 }) }),
    onSuccess: (issued) => setRevealed({ token: issued.token, note: `Rotated: the old token keeps working until ${new Date(issued.previous.expiresAt).toLocaleString()}.` }),
    ...settle,
  });
  const revoke = useMutation({ mutationFn: (id: string) => apiFetch(`${url}/${id}/revoke`, { method: "POST", body: "{}" }), ...settle });
  const busy = create.isPending || rotate.isPending || revoke.isPending;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <div className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {revealed ? (
          <Card className="space-y-2 border-emerald-300 p-4" data-testid="revealed-token">
            <div className="text-sm font-medium">{revealed.note} Copy the token now — it is shown only once:</div>
            <code className="block break-all rounded bg-slate-900 px-3 py-2 text-sm text-emerald-200" data-testid="token-value">
              {revealed.token}
            </code>
            <div className="text-xs text-slate-500">Give it to the agent as a file: npm run agent -- --line {lineId} --token-file &lt;file&gt;</div>
            <Button size="sm" variant="secondary" onClick={() => setRevealed(null)}>
              I have stored it
            </Button>
          </Card>
        ) : null}
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Credential</th>
                <th className="px-4 py-2">State</th>
                <th className="px-4 py-2">Last used</th>
                <th className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {credentials.data.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-4 py-4 text-slate-500">
                    No credential yet: this line&apos;s agent cannot connect.
                  </td>
                </tr>
              ) : null}
              {credentials.data.map((credential) => (
                <tr key={credential.id} className="border-b border-slate-100" data-testid="credential-row">
                  <td className="px-4 py-2">
                    <div className="font-medium">{credential.label || "(no label)"}</div>
                    <div className="text-xs text-slate-500">
                      created {new Date(credential.createdAt).toLocaleString()}
                      {credential.createdBy ? ` by ${credential.createdBy}` : ""}
                      {credential.expiresAt && !credential.revokedAt ? ` · expires ${new Date(credential.expiresAt).toLocaleString()}` : ""}
                    </div>
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={STATE_TONE[credential.state]}>{credential.state}</Badge>
                  </td>
                  <td className="px-4 py-2 text-slate-600">{credential.lastUsedAt ? `${new Date(credential.lastUsedAt).toLocaleString()} from ${credential.lastUsedAddress ?? "?"}` : "never"}</td>
                  <td className="px-4 py-2 text-right">
                    {credential.state === "active" || credential.state === "expiring" ? (
                      <span className="flex justify-end gap-2">
                        {credential.state === "active" ? (
                          <Button size="sm" variant="secondary" disabled={busy} onClick={() => rotate.mutate(credential.id)}>
                            Rotate
                          </Button>
                        ) : null}
                        <Button size="sm" variant="danger" disabled={busy} onClick={() => revoke.mutate(credential.id)}>
                          Revoke
                        </Button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
      <Card className="h-fit p-5">
        <h2 className="mb-4 font-semibold">Issue a credential</h2>
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <Field id="credential-label" label="Label" hint="Where the agent runs, e.g. “gateway 2, hall B”.">
            <Input id="credential-label" value={label} maxLength={80} onChange={(event) => setLabel(event.target.value)} />
          </Field>
          <Button type="submit" className="w-full" disabled={busy}>
            {create.isPending ? "Issuing…" : "Issue credential"}
          </Button>
        </form>
      </Card>
    </div>
  );
}
