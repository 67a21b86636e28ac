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
