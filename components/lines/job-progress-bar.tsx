/** A job's progress with its good and scrap counts. */
export function JobProgressBar({ progress, goodCount, scrapCount, interrupted }: { progress: number; goodCount: number; scrapCount: number; interrupted: boolean }) {
  const percent = Math.max(0, Math.min(100, progress));
  return (
    <div>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuenow={Math.round(percent)} aria-valuemin={0} aria-valuemax={100}>
        <div className={`h-full ${interrupted ? "bg-amber-400" : "bg-emerald-500"}`} style={{ width: `${percent}%` }} />
      </div>
      <div className="mt-1 flex justify-between text-xs text-slate-500">
        <span>
          {percent.toFixed(0)} %{interrupted ? " · interrupted" : ""}
        </span>
        <span>
          {goodCount} good · {scrapCount} scrap
        </span>
      </div>
    </div>
  );
}
