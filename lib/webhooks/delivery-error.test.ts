import { describe, expect, it } from "vitest";
import { msg } from "@/i18n/message";
import { deliveryFailure, errorFields, storedError } from "./delivery-error";
import { WebhookAddressError } from "./address-guard";

describe("a delivery's error in its column", () => {
  it("keeps a message, read back in English and as the message", () => {
    const error = msg("errors.webhooks.delivery.noAnswer", { ms: 10_000 });
    expect(errorFields(storedError(error))).toEqual({ text: "No answer within 10,000 ms.", message: error });
  });

  it.each(["HTTP 503: Service Unavailable", "{not json", '{"looks":"like json"}'])("reads %j, recorded as text, as it was written", (text) => {
    expect(errorFields(text)).toEqual({ text, message: { key: "errors.webhooks.delivery.recorded", params: { text } } });
  });

  it("is nothing when the attempt succeeded", () => {
    expect(errorFields(storedError(null))).toEqual({ text: null, message: null });
  });
});

describe("deliveryFailure", () => {
  it("keeps an error's own message and quotes any other error's text, cut short", () => {
    const refused = new WebhookAddressError(msg("errors.webhooks.url.credentials"));
    expect(deliveryFailure(refused)).toEqual({ key: "errors.webhooks.url.credentials" });
    expect(deliveryFailure(new Error("x".repeat(500)))).toEqual({ key: "errors.webhooks.delivery.failed", params: { detail: "x".repeat(200) } });
  });
});
