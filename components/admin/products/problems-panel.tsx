"use client";

import type { AnalysisProblem, Rule } from "@/lib/core/configurator";
import { canonicalJson } from "@/lib/core/json/canonical-json";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { FieldIssue } from "./editor-types";

const KIND_LABEL: Record<AnalysisProblem["kind"], string> = {
  OPTION_NEVER_AVAILABLE: "Option never available",
  DEFAULT_VIOLATES_RULE: "Default breaks a rule",
  GROUP_NEVER_COMPLETE: "Group can never be completed",
  CONTRADICTORY_RULES: "Contradictory rules",
  ANALYSIS_INCOMPLETE: "Analysis incomplete",
};

/**
 * What is wrong with the draft, live: schema errors by field, then the analysis's problems,
 * each with the (minimal) set of rules involved and a way to jump to them. The server's
 * analysis at the last save is shown too when it says something else — it decides publishing.
 */
export function ProblemsPanel(props: {
  issues: readonly FieldIssue[];
  problems: readonly AnalysisProblem[];
  serverProblems: readonly AnalysisProblem[];
  rules: readonly Rule[];
  onShowRule: (ruleId: string) => void;
  onShowField: (path: string) => void;
}) {
  const serverDiffers = canonicalJson(props.serverProblems) !== canonicalJson(props.problems);
  const clean = props.issues.length === 0 && props.problems.length === 0;
  return (
    <Card className="space-y-3 p-4" aria-labelledby="analysis-heading">
      <div className="flex items-center justify-between">
        <h2 id="analysis-heading" className="text-sm font-semibold">
          Analysis
        </h2>
        <Badge tone={clean ? "good" : "bad"}>{clean ? "no problems" : `${props.issues.length + props.problems.length} to fix`}</Badge>
      </div>
      <div aria-live="polite" className="space-y-3" data-testid="analysis-problems">
        {props.issues.length > 0 ? (
          <div className="space-y-1">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Errors in the document</h3>
            <ul className="space-y-1 text-sm">
              {props.issues.slice(0, 20).map((issue, index) => (
                <li key={index}>
                  <button type="button" className="text-left hover:underline" onClick={() => props.onShowField(issue.path)}>
                    <code className="font-mono text-xs text-red-700">{issue.path}</code> {issue.message}
                  </button>
                </li>
              ))}
              {props.issues.length > 20 ? <li className="text-slate-500">… and {props.issues.length - 20} more</li> : null}
            </ul>
          </div>
        ) : null}
        {props.problems.length > 0 ? <ProblemList problems={props.problems} rules={props.rules} onShowRule={props.onShowRule} testId="analysis-problem" /> : null}
        {props.issues.length === 0 && props.problems.length === 0 ? <p className="text-sm text-slate-600">Every option can be chosen, the defaults break no rule and no rules contradict each other.</p> : null}
        {serverDiffers && props.serverProblems.length > 0 ? (
          <div className="space-y-1 border-t border-slate-100 pt-3">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">The server&apos;s analysis at the last save</h3>
            <ProblemList problems={props.serverProblems} rules={props.rules} onShowRule={props.onShowRule} testId="server-analysis-problem" />
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function ProblemList(props: { problems: readonly AnalysisProblem[]; rules: readonly Rule[]; onShowRule: (ruleId: string) => void; testId: string }) {
  const messageOf = (ruleId: string) => props.rules.find((rule) => rule.id === ruleId)?.message;
  return (
    <ul className="space-y-3 text-sm">
      {props.problems.map((problem, index) => (
        <li key={index} className="rounded-md border border-amber-200 bg-amber-50 p-2" data-testid={props.testId}>
          <div className="text-xs font-semibold text-amber-900">{KIND_LABEL[problem.kind]}</div>
          <p className="mt-0.5">{problem.message}</p>
          {problem.ruleIds.length > 0 ? (
            <div className="mt-1">
              <span className="text-xs text-slate-600">Rules involved:</span>
              <ul className="mt-0.5 space-y-0.5">
                {problem.ruleIds.map((ruleId) => (
                  <li key={ruleId} className="text-xs">
                    <button type="button" className="font-mono text-brand-700 hover:underline" onClick={() => props.onShowRule(ruleId)}>
                      {ruleId}
                    </button>
                    {messageOf(ruleId) ? <span className="text-slate-600"> — {messageOf(ruleId)}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
