/** Bad input, named precisely: which line or field, and what was expected. */
export class BatonInputError extends Error {
  override readonly name = "BatonInputError";
  constructor(
    message: string,
    readonly where: { line?: number; field?: string },
  ) {
    super(message);
  }
}
