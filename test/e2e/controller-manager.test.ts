// Issue 15, item 4, in the browser: the controller manager's objects with their status, one
// ClusterSPIFFEID's pods and gaps, and the warning on the edit page of an entry it owns.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { links } from "@/lib/links";

import { CM_PODS } from "../../scripts/k8s/controller-world.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { ConsolePage } from "./pages/console-page";
import { launchBrowser, openConsole } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("spire-controller-manager in the browser", () => {
  it("lists the objects, opens shop-mesh and names the pod without an entry", async () => {
    const view = new ConsolePage(await openConsole(browser, links.controllerManager()));
    const mesh = view.page.locator('[data-testid="cluster-spiffe-id"][data-name="shop-mesh"]');
    await mesh.waitFor();
    await expect(view.page.getByTestId("cluster-spiffe-id").count()).resolves.toBe(2);
    await view.page.locator('[data-testid="cluster-static-entry"][data-name="edge-gateway"]').waitFor();
    await view.screenshot("controller-manager");
    await mesh.getByRole("link", { name: "shop-mesh" }).click();
    await view.page.waitForURL((url) => url.pathname === "/controller-manager/shop-mesh");
    await view.page.getByTestId("selected-pod").first().waitFor();
    const pods = await view.page.getByTestId("selected-pod").evaluateAll((rows) => rows.map((r) => r.dataset.pod));
    expect(pods.sort()).toEqual(
      CM_PODS.filter((p) => p.app !== "batch")
        .map((p) => `shop/${p.name}`)
        .sort(),
    );
    const api = CM_PODS.find((p) => p.app === "api")!.name;
    await view.page.locator('[data-testid="gaps"] [data-gap="pod-without-entry"]').filter({ hasText: api }).waitFor();
    await view.page.locator('[data-testid="gaps"] [data-gap="entry-without-pod"]').waitFor();
    await view.screenshot("controller-manager-shop-mesh");
    await view.close();
  });

  it("warns on the edit page of an entry the controller owns, linking to its ClusterSPIFFEID", async () => {
    const web = CM_PODS.find((p) => p.app === "web")!;
    const shown = await spireServerJson<{ entries: (CliEntry & { id: string })[] }>(
      "foo",
      ["entry", "show", "-spiffeID", `spiffe://foo.example.com/ns/shop/sa/${web.serviceAccount}`],
      stackState(),
    );
    const owned = shown.entries.find((e) => e.id.startsWith("scm."))!;
    const view = new ConsolePage(await openConsole(browser, links.editEntry("foo", owned.id)));
    const note = view.page.getByTestId("controller-owner-note");
    await note.getByText("Editing this entry will not last").waitFor();
    await expect(note.getAttribute("role")).resolves.toBe("alert");
    await note.getByRole("link", { name: "ClusterSPIFFEID shop-mesh" }).click();
    await view.page.waitForURL((url) => url.pathname === "/controller-manager/shop-mesh");
    await view.close();
  });
});
