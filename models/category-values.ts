import { fileURLToPath } from "node:url";
import { BatonInputError } from "../functions/domain/errors.js";
import {
  type CategoryValueReader,
  categoryModelsFromArtifact,
  categoryValueReader,
} from "../functions/domain/slots/category-values.js";
import { readShippedFile } from "./shipped-file.js";

/** The models sit beside this module: here in models/, and beside index.mjs in the Lambda bundle. */
export const SHIPPED_CATEGORY_VALUES = new URL("category-values.json", import.meta.url);

/** The category value models as shipped; a missing or corrupt file stops the start with its name. */
export function shippedCategoryValues(file: URL = SHIPPED_CATEGORY_VALUES): CategoryValueReader {
  const path = fileURLToPath(file);
  const text = readShippedFile(path, "category value model", "categoryValues").toString("utf8");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BatonInputError(`category value model ${path}: ${(error as Error).message}`, {
      field: "categoryValues",
    });
  }
  return categoryValueReader(categoryModelsFromArtifact(document, path));
}
