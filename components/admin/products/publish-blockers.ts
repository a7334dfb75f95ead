/** Why publishing is not possible right now, in words for the admin; empty when it is. */
export function publishBlockers(state: {
  status: "draft" | "published" | "archived";
  dirty: boolean;
  conflict: boolean;
  issues: number;
  problems: number;
  serverProblems: number;
  publishedVersion: number | null;
  draftDiffers: boolean;
}): string[] {
  const reasons: string[] = [];
  if (state.conflict) reasons.push("Someone else changed this product: load the latest version first.");
  if (state.status === "archived") reasons.push("The product is archived: unarchive it to publish.");
  if (state.issues > 0) reasons.push(`Fix the ${state.issues} error${state.issues === 1 ? "" : "s"} in the document.`);
  const problems = Math.max(state.problems, state.serverProblems);
  if (problems > 0) reasons.push(`Fix the ${problems} problem${problems === 1 ? "" : "s"} the analysis found.`);
  if (state.dirty) reasons.push("Save your changes first.");
  else if (state.publishedVersion !== null && !state.draftDiffers && problems === 0) reasons.push(`Nothing new: the draft matches the published version ${state.publishedVersion}.`);
  return reasons;
}
