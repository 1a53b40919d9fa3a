import { profileAnswerSchema } from "@/lib/users/dto";
import { updateProfileSchema } from "@/lib/users/schemas";
import type { Operation } from "../operation";

// The caller's own preferences (docs/api.md "Profile").

const profileAnswer = {
  schema: profileAnswerSchema,
  name: "ProfileAnswer",
  examples: { shanghai: { summary: "Times in Shanghai", value: { profile: { timeZone: "Asia/Shanghai" } } } },
};

export const PROFILE_OPERATIONS: Operation[] = [
  {
    id: "getProfile",
    method: "get",
    path: "/api/profile",
    summary: "Read your preferences",
    description: "The time zone the dashboard shows and filters times in for you; null follows your browser's zone.",
    tag: "Profile",
    access: "viewer",
    responses: [{ status: 200, description: "Your preferences.", json: profileAnswer }],
  },
  {
    id: "updateProfile",
    method: "patch",
    path: "/api/profile",
    summary: "Change your preferences",
    description:
      "Sets the time zone (an IANA name the server knows, e.g. Asia/Shanghai; 400 for another) or, with null, follows the browser's zone again. Every browser you sign in with uses it from its next page.",
    tag: "Profile",
    access: "viewer",
    body: {
      schema: updateProfileSchema,
      name: "UpdateProfileRequest",
      examples: {
        zone: { summary: "Show and filter times in Shanghai", value: { timeZone: "Asia/Shanghai" } },
        browser: { summary: "Follow the browser's zone", value: { timeZone: null } },
      },
    },
    responses: [{ status: 200, description: "Your preferences as stored.", json: profileAnswer }],
  },
];
