import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { type Persona, PersonaFile, type PersonaProblem } from "../api/persona-api.js";

export interface LoadedPersonas {
  personas: Persona[];
  /** One per file that could not be used, naming the file and the field; the other files still load. */
  problems: PersonaProblem[];
}

/** Reads every `*.json` in the folder; the id is the file name without `.json`. */
export async function loadPersonas(folder: string, root = process.cwd()): Promise<LoadedPersonas> {
  const names = (await readdir(folder)).filter((name) => name.endsWith(".json")).sort();
  const personas: Persona[] = [];
  const problems: PersonaProblem[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const result = parsePersona(basename(name, ".json"), await readFile(path, "utf8"));
    if ("problem" in result) problems.push({ file: relative(root, path) || name, ...result.problem });
    else personas.push(result.persona);
  }
  return { personas, problems };
}

/** One persona document; a problem names the field (`turns[2].text`) and what is wrong. */
export function parsePersona(
  id: string,
  text: string,
): { persona: Persona } | { problem: { field: string; message: string } } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { field: "(file)", message: `not valid JSON: ${reason}` } };
  }
  const parsed = PersonaFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? formatPath(issue.path) : "(file)";
    return { problem: { field, message: issue?.message ?? "invalid persona" } };
  }
  const file = parsed.data;
  return {
    persona: {
      id,
      name: file.name,
      description: file.description,
      campaign: file.campaign,
      ...(file.customer ? { customer: file.customer } : {}),
      turns: file.turns.map((turn) => (typeof turn === "string" ? { text: turn } : turn)),
      expect: file.expect,
    },
  };
}

export function describeProblem(problem: PersonaProblem): string {
  return `persona ${problem.file}: ${problem.field}: ${problem.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text === "" ? "(file)" : text;
}
