import { z } from "zod";
import { ROLES } from "./roles";

/** A role, as the API's inputs and answers carry it. */
export const roleSchema = z.enum(ROLES);
