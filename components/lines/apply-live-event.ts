import type { JobPatchEvent, LineLive, LinePatchEvent } from "./line-live-types";

/**
 * Merges a live event into a line's state. Events are hints that may arrive late or twice: a
 * line patch older than what is shown (lower seq) is ignored, so the board never steps back.
 */
export function applyLinePatch(line: LineLive, patch: LinePatchEvent): LineLive {
  if (patch.lineId !== line.id) return line;
  if (patch.lastSeq !== undefined && patch.lastSeq < line.lastSeq) return line;
  const { lineId: _lineId, ...fields } = patch;
  return { ...line, ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
}

export function applyJobPatch(line: LineLive, job: JobPatchEvent): LineLive {
  if (job.lineId !== line.id) return line;
  if (job.status === "running") {
    const wasQueued = line.currentJob?.id !== job.jobId;
    return {
      ...line,
      queueLength: wasQueued ? Math.max(0, line.queueLength - 1) : line.queueLength,
      currentJob: { id: job.jobId, code: job.code, progress: job.progress, goodCount: job.goodCount, scrapCount: job.scrapCount, interrupted: job.interrupted },
    };
  }
  if (line.currentJob?.id === job.jobId) return { ...line, currentJob: null };
  // A queued job aborted before it started leaves the queue.
  if (job.status === "failed") return { ...line, queueLength: Math.max(0, line.queueLength - 1) };
  return line;
}
