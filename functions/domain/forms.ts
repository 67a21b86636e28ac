import type { Transcript } from "../../contracts/transcript.js";

/** Seeded pseudo-random numbers (mulberry32): training is reproducible bit for bit. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = "abcdefghijklmnopqrstuvwxyz";

/** The turn as typed in a hurry: apostrophes gone, and one or two words with a dropped, doubled, swapped or wrong letter. */
export function chatForm(text: string, random: () => number, edits = 1 + Math.floor(random() * 2)): string {
  const words = text.replace(/['\u2019]/g, "").split(" ");
  for (let e = 0; e < edits; e++) {
    const candidates = words.map((word, i) => (/^[a-z]{4,}$/i.test(word) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) break;
    const index = candidates[Math.floor(random() * candidates.length)] as number;
    const word = words[index] as string;
    const at = 1 + Math.floor(random() * (word.length - 2));
    const kind = Math.floor(random() * 4);
    const letter = KEYS[Math.floor(random() * KEYS.length)] as string;
    words[index] =
      kind === 0
        ? word.slice(0, at) + word.slice(at + 1)
        : kind === 1
          ? word.slice(0, at) + (word[at] as string) + word.slice(at)
          : kind === 2
            ? word.slice(0, at - 1) + (word[at] as string) + (word[at - 1] as string) + word.slice(at + 1)
            : word.slice(0, at) + letter + word.slice(at + 1);
  }
  return words.join(" ");
}

/** How a customer turn reaches Baton: as written, from a speech recogniser, or typed in a chat. */
export const FORMS = ["written", "speech", "chat"] as const;
export type TurnForm = (typeof FORMS)[number];

/** As Lex hands a voice turn to the code hook: lowercase, no punctuation, no apostrophes. */
export function speechTranscript(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, "")
    .replace(/(\d),(\d{3})/g, "$1$2")
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every customer turn of a conversation in one form; chat typos are seeded by the conversation id. */
export function inForm(text: string, form: TurnForm, seed: number): string {
  if (form === "speech") return speechTranscript(text);
  if (form === "chat") return chatForm(text, seededRandom(seed));
  return text;
}

export function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The conversation as it would arrive in another form: only the customer's turns change. */
export function transcriptInForm(transcript: Transcript, form: TurnForm): Transcript {
  if (form === "written") return transcript;
  const seed = seedOf(transcript.id);
  return {
    ...transcript,
    turns: transcript.turns.map((turn, index) =>
      turn.speaker === "customer" ? { ...turn, text: inForm(turn.text, form, seed + index) } : turn,
    ),
  };
}
