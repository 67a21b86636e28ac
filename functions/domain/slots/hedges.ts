import { spokenPattern } from "./spoken-pattern.js";

/**
 * Words that change how sure a slot value is: a correction replaces the earlier value, a hedge lowers
 * its confidence. Slot reading stays rule-based (amounts, dates, who decides are structured values);
 * signals are read by the trained turn reader.
 */
const rx = (source: string): RegExp => new RegExp(`(?<![a-z0-9'])(?:${spokenPattern(source)})(?![a-z0-9])`);

export const CORRECTION = rx(
  "actually|i mean|i meant|sorry,? (?:i mean|no|not|it's|its|make that|that's|i said|typo|meant)|correction|make that|scratch that|let me correct|on second thought|wait,? (?:no|actually|it's|sorry)|no,? wait|rather|more like|closer to|to be honest|come to think of it|thinking about it|i misspoke|my (?:bad|mistake)|i was wrong|(?:looking at|read|gave you|said) the wrong|wrong (?:number|figure|line|amount)|not \\d[\\d,.]*\\s*(?:k|grand|thousand)?,? (?:but|more like)|\\d[\\d,./a-z]* not \\$?\\d+",
);

export const HEDGE = rx(
  "maybe|perhaps|probably|i guess|i think|i suppose|not sure|roughly|ish|give or take|might|could be|possibly|somewhere around|in the ballpark",
);
