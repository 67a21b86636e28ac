import type { LanguageModel, NextLineRequest } from "../ports/language-model.js";

/** The language model when none is configured (local runs, tests): the campaign's script speaks. */
export class ScriptedLanguageModel implements LanguageModel {
  async nextLine(request: NextLineRequest): Promise<{ text: string; source: "script"; reason: string }> {
    return { text: request.scriptedLine, source: "script", reason: "no model configured" };
  }
}
