/**
 * Whether a turn is in a language the English campaign cannot handle. Cheap and conservative:
 * a non-Latin script, or more foreign than English function words. Short turns ("si", "ok") never count.
 */
const ENGLISH = new Set(
  "the a an and or but is are was were be to of in on for with that this it i you we they he she my our your do does did not no yes what how when who can will would have has so just about".split(
    " ",
  ),
);
const FOREIGN = new Set(
  "el la los las un una y o pero es son está estoy que de en para con por qué cómo cuándo quién puedo usted nosotros ellos mi su sí hola gracias le les del al une et ou mais est sont je vous nous ils elle mon votre oui merci pour avec dans der die das und oder aber ist sind ich sie wir mein ihr ja danke für mit nicht não sim obrigado você".split(
    " ",
  ),
);

export function looksUnsupportedLanguage(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 8) return false;
  const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
  if (latin / letters.length < 0.5) return true;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return false;
  let english = 0;
  let foreign = 0;
  for (const word of words) {
    if (ENGLISH.has(word)) english += 1;
    if (FOREIGN.has(word)) foreign += 1;
  }
  return foreign >= 2 && foreign > english * 1.5;
}

/** Function words that tell the common Latin-script languages apart (a handful each is enough). */
const LATIN_LANGUAGES: ReadonlyArray<[string, ReadonlySet<string>]> = [
  [
    "Spanish",
    new Set(
      "el la los las una y pero es son está estoy que de en para con por qué cómo puedo usted hola gracias quiero necesito hablar".split(
        " ",
      ),
    ),
  ],
  [
    "French",
    new Set(
      "le la les une et ou mais est sont je vous nous ils elle mon votre oui merci pour avec dans bonjour voudrais parler".split(
        " ",
      ),
    ),
  ],
  [
    "German",
    new Set(
      "der die das und oder aber ist sind ich sie wir mein ihr ja danke für mit nicht hallo möchte sprechen bitte".split(
        " ",
      ),
    ),
  ],
  [
    "Portuguese",
    new Set(
      "o a os as uma e mas é são que de em para com não sim obrigado obrigada você quero falar olá".split(
        " ",
      ),
    ),
  ],
  [
    "Italian",
    new Set(
      "il lo gli una e ma è sono che di in per con non sì grazie ciao voglio parlare vorrei".split(" "),
    ),
  ],
];

const SCRIPTS: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, "Japanese"],
  [/\p{Script=Hangul}/u, "Korean"],
  [/\p{Script=Han}/u, "Chinese"],
  [/\p{Script=Arabic}/u, "Arabic"],
  [/\p{Script=Cyrillic}/u, "a Cyrillic-script language (Russian, Ukrainian...)"],
  [/\p{Script=Devanagari}/u, "Hindi"],
  [/\p{Script=Greek}/u, "Greek"],
  [/\p{Script=Hebrew}/u, "Hebrew"],
  [/\p{Script=Thai}/u, "Thai"],
];

/** The closer's best guess at a language the campaign does not speak; undefined when unsure. */
export function guessLanguage(text: string): string | undefined {
  for (const [script, name] of SCRIPTS) if (script.test(text)) return name;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: { name: string; hits: number } | undefined;
  for (const [name, vocabulary] of LATIN_LANGUAGES) {
    const hits = words.filter((word) => vocabulary.has(word)).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { name, hits };
  }
  return best?.name;
}
