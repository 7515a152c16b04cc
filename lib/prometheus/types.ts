/** Plain types of the Prometheus adapter: what a PromQL query or a telemetry scrape returns. */

/** A series' labels (metric name under `__name__` when the query kept it). */
export type Labels = Record<string, string>;

/** One value at one time (epoch seconds). */
export type Point = { t: number; v: number };

/** An instant vector's element. */
export type InstantSample = { labels: Labels; point: Point };

/** A range vector's series. */
export type RangeSeries = { labels: Labels; points: Point[] };

/** One line of the text exposition format: `name{labels} value`. */
export type ExpositionSample = { name: string; labels: Labels; value: number };
