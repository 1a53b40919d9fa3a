import { describe, expect, it } from "vitest";
import { retryAfterOf, signInProblem, throttledSignInError } from "./sign-in-error";

describe("the throttled sign-in error", () => {
  it("carries the wait in whole seconds, at least 1, and reads back", () => {
    expect(throttledSignInError(14.2)).toBe("SignInThrottled:15");
    expect(retryAfterOf(throttledSignInError(0))).toBe(1);
    expect(retryAfterOf(throttledSignInError(900))).toBe(900);
  });

  it.each([
    null,
    undefined,
    "",
    "CredentialsSignin",
    "SignInThrottled:",
    "SignInThrottled:-1",
    "SignInThrottled:9999999",
  ])("reads %j as no wait", (error) => expect(retryAfterOf(error)).toBeNull());
});

describe("signInProblem", () => {
  it.each([
    ["CredentialsSignin", { key: "invalid" }],
    ["Configuration", { key: "configuration" }],
    ["AccessDenied", { key: "accessDenied" }],
    ["SessionRequired", { key: "sessionRequired" }],
    ["SignInThrottled:30", { key: "throttled", seconds: 30 }],
    ["Verification", { key: "failed" }],
    ["toString", { key: "failed" }],
    ["<script>", { key: "failed" }],
    ["", { key: "failed" }],
  ])("words %j as the login form's %j", (error, problem) => expect(signInProblem(error)).toEqual(problem));
});
