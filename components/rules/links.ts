import { toSearch } from "@/components/browse/url-state";

// The address of the rules page, built in one place.

export const rulesHref = ({ region, namespace }: { region: string; namespace?: string }) =>
  `/rules${toSearch({ region, namespace })}`;
