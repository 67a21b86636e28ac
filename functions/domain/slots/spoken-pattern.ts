/**
 * A pattern written with apostrophes ("i'm the owner") that also reads the turn as a speech recogniser or a
 * hurried chat delivers it ("im the owner"): an apostrophe inside a word becomes optional. Apostrophes in
 * character classes and lookarounds ("[a-z']") are not inside a word and stay as they are.
 */
export function spokenPattern(source: string): string {
  return source.replace(/(?<=[a-z])'(?=[a-z])/g, "'?");
}
