import type { ScreenPop } from "../../contracts/screen-pop.js";

/** A whisper is heard before the customer is: a few seconds, never a reading of the whole pop. */
export const WARM_BRIEF_MAX_CHARS = 300;

/**
 * The warm brief: the line the closer hears as the call connects (the AGENT_WHISPER flow speaks the
 * `baton_whisper` attribute) and the local desk shows. Who is calling when known, the one-line summary,
 * and the customer's own words when the summary only paraphrases them.
 */
export function warmBrief(pop: ScreenPop): string {
  const name = pop.caller?.name ? `${pop.caller.name}. ` : "";
  // Without a headline the summary already quotes the customer; with one, add what they really said.
  const said = pop.ask?.headline ? ` They said: "${pop.ask.said}"` : "";
  const line = `${name}${pop.summary}${said}`.replace(/\s+/g, " ").trim();
  if (line.length <= WARM_BRIEF_MAX_CHARS) return line;
  const cut = line.slice(0, WARM_BRIEF_MAX_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}
