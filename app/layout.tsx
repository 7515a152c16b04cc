import "./globals.css";

import type { Metadata } from "next";
import type { ReactNode } from "react";

import { readThemeChoice } from "@/lib/theme/read-theme";
import { themeClass } from "@/lib/theme/theme-choice";

import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "SPIRE Console", template: "%s · SPIRE Console" },
  description: "Administer SPIRE: entries, agents, federation, expiry and attestation.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The chosen theme is a class on <html> from the first byte (no theme script, so nothing
  // needs the CSP nonce); without a choice, CSS follows prefers-color-scheme.
  const theme = themeClass(await readThemeChoice());
  return (
    <html lang="en" className={theme}>
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
