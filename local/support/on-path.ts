import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** True when an executable of that name is on the PATH (checked before spawning, for a clear message). */
export function onPath(command: string, path = process.env.PATH ?? ""): boolean {
  return path.split(delimiter).some((dir) => {
    if (dir === "") return false;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
