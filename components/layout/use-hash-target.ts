"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

const MARK = "data-hash-target";
/** How long to wait for an anchor's element to appear (a page part still streaming or loading). */
const WAIT_MS = 15_000;

/** How long the target is kept in view while parts above it load and push it down. */
const SETTLE_MS = 5_000;
const USER_SCROLLS = ["wheel", "touchstart", "keydown", "mousedown"] as const;

/**
 * Scrolls to the target now and again whenever the page's height changes for a few seconds (parts above it
 * still loading would push it out of view), until the user scrolls or clicks themselves. Returns a cancel.
 */
function keepInView(target: Element): () => void {
  target.scrollIntoView({ block: "start" });
  const resize = new ResizeObserver(() => target.isConnected && target.scrollIntoView({ block: "start" }));
  resize.observe(document.body);
  const stop = () => {
    resize.disconnect();
    window.clearTimeout(timer);
    for (const type of USER_SCROLLS) window.removeEventListener(type, stop);
  };
  const timer = window.setTimeout(stop, SETTLE_MS);
  for (const type of USER_SCROLLS) window.addEventListener(type, stop, { passive: true });
  return stop;
}

function mark(target: Element): () => void {
  document.querySelectorAll(`[${MARK}]`).forEach((el) => el !== target && el.removeAttribute(MARK));
  target.setAttribute(MARK, "true");
  return keepInView(target);
}

/** Marks and scrolls to the element the URL's #anchor names once it is in the page; returns a cancel. */
function followHash(): () => void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id || id === "main") return () => {};
  const found = document.getElementById(id);
  if (found) return mark(found);
  let settle = () => {};
  const observer = new MutationObserver(() => {
    const late = document.getElementById(id);
    if (!late) return;
    observer.disconnect();
    settle = mark(late);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const timer = window.setTimeout(() => observer.disconnect(), WAIT_MS);
  return () => {
    observer.disconnect();
    window.clearTimeout(timer);
    settle();
  };
}

/**
 * Links to an anchor land: after every navigation (a full load, a client-side push, a hash change, a click on a
 * same-page link) the element the #anchor names is scrolled to and highlighted (`data-hash-target`), waiting
 * for it while the page's parts load. A client-side navigation does not update CSS `:target`, hence this.
 */
export function useHashTarget(): void {
  const pathname = usePathname();
  useEffect(() => {
    let cancel = followHash();
    const again = () => {
      cancel();
      cancel = followHash();
    };
    const onClick = () => window.setTimeout(again, 0);
    window.addEventListener("hashchange", again);
    window.addEventListener("popstate", again);
    document.addEventListener("click", onClick);
    return () => {
      cancel();
      window.removeEventListener("hashchange", again);
      window.removeEventListener("popstate", again);
      document.removeEventListener("click", onClick);
    };
  }, [pathname]);
}
