"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { useLiveConnection, useLiveRoom } from "@/components/live/live-socket";
import { applyJobPatch, applyLinePatch } from "./apply-live-event";
import type { JobPatchEvent, LinePatchEvent, LinesLive } from "./line-live-types";

export const LINES_LIVE_KEY = ["lines-live"] as const;

export type OfflineNotice = { lineId: string; code: string; at: string };

/**
 * The manufacturer's lines, live: the first state from the server, then every line and job
 * event of the manufacturer's room merged in place (a busy factory sends thousands a second,
 * too many to refetch on), and a full refetch after every reconnect, when events may have been
 * missed. Lines that drop off are collected as notices for the planner.
 */
export function useLiveLines(initial: LinesLive) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: LINES_LIVE_KEY, queryFn: () => apiFetch<LinesLive>("/api/lines"), initialData: initial, staleTime: 60_000 });
  const [notices, setNotices] = useState<OfflineNotice[]>([]);
  const { connected } = useLiveConnection();

  useLiveRoom(`manufacturer:${initial.manufacturerId}`, ["line.updated", "job.updated", "line.offline"], {
    onEvent: (event, payload) => {
      if (event === "line.offline") {
        const notice = payload as OfflineNotice;
        setNotices((current) => [notice, ...current.filter((item) => item.lineId !== notice.lineId)].slice(0, 5));
        return;
      }
      if (event === "line.updated" && (payload as LinePatchEvent).online) {
        setNotices((current) => current.filter((item) => item.lineId !== (payload as LinePatchEvent).lineId));
      }
      queryClient.setQueryData<LinesLive>(LINES_LIVE_KEY, (data) =>
        data && {
          ...data,
          lines: data.lines.map((line) => (event === "line.updated" ? applyLinePatch(line, payload as LinePatchEvent) : applyJobPatch(line, payload as JobPatchEvent))),
        },
      );
    },
  });

  useEffect(() => {
    if (connected) void queryClient.invalidateQueries({ queryKey: LINES_LIVE_KEY });
  }, [connected, queryClient]);

  return { lines: query.data.lines, notices, dismiss: (lineId: string) => setNotices((current) => current.filter((item) => item.lineId !== lineId)) };
}
