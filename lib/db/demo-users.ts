import type { Role } from "@/lib/auth/roles";

// The demo's sign-ins, one per role, shared by the seed, `npm run demo` and the e2e tests. Never use them in production.

export interface DemoUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@example.com", name: "Demo Admin", password: "demo-admin-pass", role: "admin" },
  { email: "operator@example.com", name: "Demo Operator", password: "demo-operator-pass", role: "operator" },
  { email: "viewer@example.com", name: "Demo Viewer", password: "demo-viewer-pass", role: "viewer" },
];
