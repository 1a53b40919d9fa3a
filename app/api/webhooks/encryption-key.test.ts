import { beforeAll, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { actAs, callRoute, createTestUser, jsonOf, setUpApiTests } from "@/test/api-routes";
import { POST as create } from "./route";

vi.mock("@/lib/auth/session-cookie");

// Without APP_ENCRYPTION_KEY no webhook can be created, and the answer says what to set.

setUpApiTests();

beforeAll(() => {
  vi.stubEnv("APP_ENCRYPTION_KEY", "");
});

it("refuses to create a webhook without APP_ENCRYPTION_KEY, saying so and writing nothing", async () => {
  actAs(await createTestUser("admin"));
  const body = { name: "Chat", url: "https://93.184.215.14/hook", events: ["job.failed"], secret: "a-secret-of-the-hook-1" };
  const { status, body: answer } = await jsonOf(await callRoute(create, "/api/webhooks", { body }));
  expect(status).toBe(422);
  expect(answer).toEqual({
    error: {
      code: "unprocessable",
      key: "errors.webhooks.needsKey",
      message:
        "Webhooks need APP_ENCRYPTION_KEY (32 bytes in base64, e.g. from “openssl rand -base64 32”) in the server's environment to store their secrets; set it and restart.",
    },
  });
  expect(await db().webhook.count()).toBe(0);
});
