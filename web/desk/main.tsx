/// <reference lib="dom" />
import "@cloudscape-design/global-styles/index.css";
import "./desk.css";
import { applyConnectTheme } from "@amazon-connect/theme";
import { createRoot } from "react-dom/client";
import { chime } from "./chime.js";
import { connectHost } from "./connect-host.js";
import { DeskApp } from "./desk-app.js";
import { DeskController } from "./desk-controller.js";
import type { DeskHost } from "./desk-host.js";
import { localHost } from "./local-host.js";

/**
 * The agent desk: one app, two hosts. `data-host="local"` (the local server's /desk) reads the local
 * API; anything else (the page the Connect agent workspace loads) reads the contact's attributes.
 * The Connect theme goes on first, so the desk looks the same locally and inside the workspace; the
 * workspace host then applies the instance's own theme when the workspace sends one.
 */
// Without a provider this is the Connect theme's defaults, which is what the local desk should show.
applyConnectTheme();

const isLocal = document.body.dataset.host === "local";
const host: DeskHost = isLocal ? localHost() : connectHost();
const contactInHash = (): string | undefined =>
  new URLSearchParams(location.hash.slice(1)).get("contact") ?? undefined;
const contactInAddress = contactInHash();
const desk = new DeskController(
  host,
  {
    onNewHandoff: chime,
    setTitle: (title) => {
      document.title = title;
    },
    showContactInAddress: (contactId) =>
      history.replaceState(null, "", `#contact=${encodeURIComponent(contactId)}`),
  },
  contactInAddress,
);

const root = document.getElementById("app");
if (!root) throw new Error("the page has no #app");
createRoot(root).render(<DeskApp desk={desk} host={host} isLocal={isLocal} />);
desk.start();
// A link or a typed address naming another contact opens it without a reload.
window.addEventListener("hashchange", () => {
  const contactId = contactInHash();
  if (contactId && contactId !== desk.getSnapshot().selected) desk.select(contactId);
});
