import { route } from "@/lib/api/handler";
import type { CreatedTokenAnswer, TokensAnswer } from "@/lib/tokens/dto";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { createToken, listTokens } from "@/lib/tokens/store";
import { jsonAnswer } from "@/lib/http/compression";

// GET /api/tokens — the caller's own API tokens (never their text or hash)
export const GET = route({ role: "viewer" }, async ({ user }) =>
  jsonAnswer({ tokens: await listTokens(user.id) } satisfies TokensAnswer),
);

// POST /api/tokens — create an API token; the answer holds its text, this once (201)
export const POST = route({ role: "viewer", body: createTokenSchema }, async ({ user, body }) =>
  jsonAnswer((await createToken(user, body)) satisfies CreatedTokenAnswer, { status: 201 }),
);
