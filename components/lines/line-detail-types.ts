/** GET /api/lines/:id, as the line page shows it. */
export type LineDetail = {
  line: {
    id: string;
    code: string;
    name: string;
    manufacturerId: string;
    timeZone: string;
    speed: number;
    status: "running" | "idle" | "down" | "maintenance";
    statusReason: string | null;
    online: boolean;
    lastSeenAt: string | null;
    lastEventAt: string | null;
    lastSeq: number;
    ackedPlanVersion: number | null;
    ackedPlanAt: string | null;
    agentVersion: string | null;
    agentSession: number | null;
    agentFeatures: string[];
    agentTimeScale: number;
    currentFamily: string | null;
    capabilities: string[];
  };
  queue: Array<{
    id: string;
    code: string;
    family: string;
    status: string;
    interrupted: boolean;
    interruptCause: string | null;
    progress: number;
    goodCount: number;
    scrapCount: number;
    start: string | null;
    end: string | null;
    setupMinutes: number | null;
    minutes: number;
  }>;
  events: Array<{ seq: number; type: string; agentAt: string; jobId: string | null; payload: unknown }>;
  commands: Array<{ id: string; kind: string; jobId: string | null; status: string; reason: string | null; createdAt: string }>;
};
