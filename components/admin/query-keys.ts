// TanStack Query keys of the Users API.

export const userKeys = { all: ["users"] as const };
