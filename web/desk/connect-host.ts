import { AmazonConnectApp } from "@amazon-connect/app";
import { ContactClient } from "@amazon-connect/contact";
import { applyConnectTheme } from "@amazon-connect/theme";
import { finishSignInInPopup, handBackFromWorkspace } from "../shared/workspace-handback.js";
import { viewFromAttributes } from "./contact-attributes.js";
import type { DeskHost, QueueItem } from "./desk-host.js";
import type { DeskView } from "./desk-view.js";

/**
 * The desk inside the Amazon Connect agent workspace: the contact comes from the app's scope (or the
 * next connected contact), its screen pop from the `baton_*` attributes the flow set at the handoff.
 * Accepting is the workspace's own button; handback goes to the deployed, signed-in endpoint
 * (web/shared/workspace-handback.ts).
 * https://docs.aws.amazon.com/agentworkspace/latest/devguide/getting-started-initialize-sdk.html
 */
export function connectHost(): DeskHost {
  const contacts: string[] = [];
  const views = new Map<string, DeskView | null>();
  let changed: () => void = () => {};
  let status: (text: string) => void = () => {};
  let client: ContactClient | undefined;

  const load = async (contactId: string) => {
    if (!client) return;
    try {
      const attributes: unknown = await client.getAttributes(contactId, "*");
      const view = viewFromAttributes(contactId, attributes);
      // A contact connected to this agent is accepted (by the workspace's own button): hand back is open.
      views.set(contactId, view ? { ...view, status: "accepted" } : null);
    } catch (error) {
      status(`could not read the contact's attributes: ${error instanceof Error ? error.message : error}`);
      views.set(contactId, null);
    }
    changed();
  };
  const track = (contactId: string) => {
    if (!contacts.includes(contactId)) contacts.unshift(contactId);
    void load(contactId);
  };

  return {
    name: "Amazon Connect agent workspace",
    async queue(): Promise<QueueItem[]> {
      return contacts.map((contactId) => {
        const view = views.get(contactId);
        return {
          contactId,
          trigger: view?.trigger ?? "not a Baton handoff",
          status: "accepted",
          summary: view?.summary ?? "",
        };
      });
    },
    async view(contactId) {
      return views.get(contactId) ?? null;
    },
    handBack: handBackFromWorkspace,
    watch(onChange, onStatus) {
      changed = onChange;
      status = onStatus;
      // The sign-in popup lands on this page: it hands the code back and closes.
      if (finishSignInInPopup()) return;
      onStatus("connecting to the agent workspace");
      const { provider } = AmazonConnectApp.init({
        onCreate: async (event) => {
          onStatus("connected to the agent workspace");
          const scope = event.context.scope;
          if (scope?.type === "contact") track(scope.contactId);
        },
      });
      // The instance's own theme (and light/dark mode) replaces the default Connect theme.
      void applyConnectTheme(provider);
      client = new ContactClient(provider);
      client.onConnected(async (event) => track(event.contactId));
      client.onCleared(async (event) => {
        const index = contacts.indexOf(event.contactId);
        if (index >= 0) contacts.splice(index, 1);
        views.delete(event.contactId);
        onChange();
      });
    },
  };
}
