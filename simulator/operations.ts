import { SWR_OPERATION_NAMES, type SwrOperationName } from "@/lib/swr/operation-names";

/** Operation names as the SWR and IAM API references call them; used by routing, stats and fault scoping. */
export const OPERATIONS = SWR_OPERATION_NAMES;

export type OperationName = SwrOperationName;
