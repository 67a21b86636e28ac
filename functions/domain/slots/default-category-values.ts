import { shippedCategoryValues } from "../../../models/category-values.js";
import type { CategoryValueReader } from "./category-values.js";

/** The category value models that ship with Baton (`npm run train`); a corrupt file stops the start with its name. */
export const defaultCategoryValues: CategoryValueReader = shippedCategoryValues();
