// First contentful paint of a console page in Debian's Chromium (playwright-core), signed in by
// sending the bench's bearer token with every request of a fresh browser context.
import { chromium } from "playwright-core";

import { median, percentile } from "./measure.ts";

/**
 * Opens `url` `times` times, each in a new context (empty cache), and returns the median and p95
 * of its first contentful paint in ms, every sample in order, and the first (a freshly started
 * Chromium's first page, which also pays for the browser's own start).
 */
export async function measureFirstPaint(
  url: string,
  token: string,
  times: number,
): Promise<{ median: number; p95: number; first: number; samples: number[] }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < times; i++) {
      const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const found = performance.getEntriesByName("first-contentful-paint")[0];
            if (found) return resolve(found.startTime);
            new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({
              type: "paint",
              buffered: true,
            });
          }),
      );
      samples.push(fcp);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { median: median(samples), p95: percentile(samples, 95), first: samples[0]!, samples };
}
