import { formatAbsolute, formatRelative } from "@/lib/format/time";

/**
 * The console's one way to show a time: relative ("in 5 hours", "3 minutes ago") with the
 * absolute UTC time on hover. `now` (epoch ms) must come from the data (when it was read), never
 * from the clock during render, so the server's HTML and the browser's first render agree.
 */
export function TimeText({ iso, now, className }: { iso: string; now: number; className?: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)} className={className}>
      {formatRelative(iso, now)}
    </time>
  );
}
