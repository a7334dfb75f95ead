import { Badge } from "@/components/ui/badge";
import { STATUS_TONE, type LineLive } from "./line-live-types";

/** Online/offline and the line's reported status, with its reason on hover. */
export function LineStatusBadges({ line }: { line: Pick<LineLive, "online" | "status" | "statusReason"> }) {
  return (
    <div className="flex gap-1" data-testid="line-status">
      <Badge tone={line.online ? "good" : "neutral"}>{line.online ? "online" : "offline"}</Badge>
      <span title={line.statusReason ?? undefined}>
        <Badge tone={STATUS_TONE[line.status]}>{line.status}</Badge>
      </span>
    </div>
  );
}

/** "12 s ago", refreshed by whoever renders it. */
export function timeAgo(iso: string | null, now: number): string {
  if (!iso) return "never";
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
