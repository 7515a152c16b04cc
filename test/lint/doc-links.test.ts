// The guide and the other docs link only to what exists: pictures, files, anchors and console pages. A page
// or picture renamed or dropped fails here (fast, no server); `npm run docs:pictures` retakes the pictures.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { anchorsOf, DEMO_ORIGIN, linksOf, problemOf } from "./doc-links";

const root = path.resolve(import.meta.dirname, "../..");
const guideDir = path.join(root, "docs/guide");
const picturesDir = path.join(guideDir, "pictures");

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(dir, f));
}

const docs = [
  path.join(root, "README.md"),
  path.join(root, "CONTRIBUTING.md"),
  ...markdownUnder(path.join(root, "docs")),
];
const linksIn = (file: string) => linksOf(file, readFileSync(file, "utf8"));
const where = (file: string, line: number) => `${path.relative(root, file)}:${line}`;

describe("doc links", () => {
  it("every link of README, CONTRIBUTING and docs/ lands: files, anchors, pictures, console pages", () => {
    const broken = docs.flatMap((file) =>
      linksIn(file).flatMap((link) => {
        const problem = problemOf(link);
        return problem ? [`${where(file, link.line)}: ${link.target}: ${problem}`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });

  it("every guide page shows pictures and sends the reader to console pages", () => {
    const pages = readdirSync(guideDir).filter((f) => f.endsWith(".md") && f !== "README.md");
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) {
      const links = linksIn(path.join(guideDir, page));
      expect(links.filter((l) => l.image).length, `${page} has no picture`).toBeGreaterThan(0);
      expect(links.filter((l) => l.target.startsWith(DEMO_ORIGIN)).length, `${page} links no page`).toBeGreaterThan(0);
    }
  });

  it("every picture in docs/guide/pictures is shown somewhere (no stale files kept)", () => {
    const shown = new Set(
      docs
        .flatMap(linksIn)
        .filter((l) => l.image)
        .map((l) => path.resolve(path.dirname(l.file), l.target)),
    );
    const unused = readdirSync(picturesDir).filter((f) => !shown.has(path.join(picturesDir, f)));
    expect(unused).toEqual([]);
  });

  it("fails on a missing picture, file, anchor or console page (the checker can fail)", () => {
    const file = path.join(guideDir, "troubleshoot.md");
    const text = [
      "# Find it",
      "![gone](pictures/no-such-picture.webp)",
      '<picture><source srcset="pictures/no-such-dark.webp"><img src="pictures/overview.webp"></picture>',
      "[old page](http://localhost:3000/no-such-page?server=foo) [a real one](http://localhost:3000/entries/abc)",
      "[file](../no-such.md) [anchor](../architecture.md#no-such-heading) [here](#find-it) [there](#nowhere)",
      "```",
      "![in code](pictures/ignored.webp)",
      "```",
    ].join("\n");
    const problems = linksOf(file, text).map((l) => [
      l.target,
      problemOf(l, (f) => (f === file ? text : readFileSync(f, "utf8"))),
    ]);
    expect(problems).toEqual([
      ["pictures/no-such-picture.webp", "picture pictures/no-such-picture.webp does not exist"],
      ["pictures/no-such-dark.webp", "picture pictures/no-such-dark.webp does not exist"],
      ["pictures/overview.webp", null],
      [
        "http://localhost:3000/no-such-page?server=foo",
        "console page /no-such-page does not exist (lib/auth/page-access.ts)",
      ],
      ["http://localhost:3000/entries/abc", null],
      ["../no-such.md", "file ../no-such.md does not exist"],
      ["../architecture.md#no-such-heading", "anchor #no-such-heading is not a heading of ../architecture.md"],
      ["#find-it", null],
      ["#nowhere", "anchor #nowhere is not a heading of this file"],
    ]);
  });

  it("makes GitHub's anchors, repeats numbered", () => {
    expect([...anchorsOf("# The entry index (large servers)\n## `npm run demo` & co.\n## Tests\n## Tests\n")]).toEqual([
      "the-entry-index-large-servers",
      "npm-run-demo--co",
      "tests",
      "tests-1",
    ]);
  });
});
