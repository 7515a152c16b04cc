// One guide picture: the browser's viewport (not the full page) at device scale 1, in the light and the dark
// theme (where it matters) and optionally at phone width, encoded as WebP by Chromium itself (a canvas) to keep the files small.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { Browser, Locator, Page } from "playwright-core";

import { repoRoot } from "../support/console-server";

/** Where the guide's pictures live (docs/guide links them as `pictures/<name>.webp`). */
export const picturesDir = path.join(repoRoot, "docs/guide/pictures");

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
const QUALITY = 0.7;

export type PictureOptions = {
  /** Also take `<name>-dark.webp` (the dark theme). */
  dark?: boolean;
  /** Also take `<name>-phone.webp` at 390 px (light). */
  phone?: boolean;
  /** Scrolled into view (top of the viewport) before each shot. */
  show?: Locator;
};

let encoder: Page | undefined;

async function toWebp(browser: Browser, png: Buffer): Promise<Buffer> {
  encoder ??= await browser.newPage();
  const dataUrl = await encoder.evaluate(
    async ([b64, quality]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      canvas.getContext("2d")!.drawImage(image, 0, 0);
      return canvas.toDataURL("image/webp", quality);
    },
    [png.toString("base64"), QUALITY] as const,
  );
  if (!dataUrl.startsWith("data:image/webp;base64,")) throw new Error("Chromium did not encode WebP");
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
}

async function shot(page: Page, file: string, show: Locator | undefined): Promise<void> {
  if (show) await show.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(400); // layout after a resize or theme change (virtualised rows, charts)
  const png = await page.screenshot({ animations: "disabled", caret: "hide" });
  mkdirSync(picturesDir, { recursive: true });
  writeFileSync(path.join(picturesDir, file), await toWebp(page.context().browser()!, png));
}

/**
 * Saves `<name>.webp` (light, 1280×800), and when asked `<name>-dark.webp` and `<name>-phone.webp` (390 px),
 * then puts the page back to light at desktop width.
 */
export async function picture(page: Page, name: string, options: PictureOptions = {}): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: "light" });
  await shot(page, `${name}.webp`, options.show);
  if (options.dark) {
    await page.emulateMedia({ colorScheme: "dark" });
    await shot(page, `${name}-dark.webp`, options.show);
    await page.emulateMedia({ colorScheme: "light" });
  }
  if (options.phone) {
    await page.setViewportSize(PHONE);
    await shot(page, `${name}-phone.webp`, options.show);
    await page.setViewportSize(DESKTOP);
  }
}

/** Closes the encoder page (call once, after the last picture). */
export async function closeEncoder(): Promise<void> {
  await encoder?.close();
  encoder = undefined;
}
