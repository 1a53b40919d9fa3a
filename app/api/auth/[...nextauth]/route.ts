import { GET as nextAuthGet, POST as nextAuthPost } from "@/lib/auth/handler";
import { withSafeAuthRequests } from "@/lib/auth/safe-auth-request";

// GET|POST /api/auth/* — next-auth's sign-in, session and sign-out endpoints, with callback URLs reduced to this app's paths
export const GET = withSafeAuthRequests(nextAuthGet);
export const POST = withSafeAuthRequests(nextAuthPost);
