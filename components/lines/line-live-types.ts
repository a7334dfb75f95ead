/** The board's view of a line, as GET /api/lines returns it and live events patch it. */
export type LineLive = {
  id: string;
  code: string;
  name: string;
  capabilities: string[];
  speed: number;
  timeZone: string;
  currentFamily: string | null;
  status: "running" | "idle" | "down" | "maintenance";
  statusReason: string | null;
  online: boolean;
  lastSeenAt: string | null;
  lastEventAt: string | null;
  lastSeq: number;
  ackedPlanVersion: number | null;
  agentVersion: string | null;
  queueLength: number;
  currentJob: { id: string; code: string; progress: number; goodCount: number; scrapCount: number; interrupted: boolean } | null;
};

export type LinesLive = { manufacturerId: string; lines: LineLive[] };

/** `line.updated`: a patch of a line's fields. */
export type LinePatchEvent = Partial<Omit<LineLive, "id" | "currentJob" | "queueLength">> & { lineId: string };

/** `job.updated`: a job's state on its line. */
export type JobPatchEvent = { jobId: string; lineId: string; code: string; status: string; interrupted: boolean; progress: number; goodCount: number; scrapCount: number };

export const STATUS_TONE = { running: "good", idle: "neutral", down: "bad", maintenance: "warn" } as const;
