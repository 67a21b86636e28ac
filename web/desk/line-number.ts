/**
 * Line numbers as the customer console counts them: the flow's greeting is line 1, Baton's turn 0
 * (the customer's first words) is line 2.
 */
export const lineOf = (turn: number): number => turn + 2;
