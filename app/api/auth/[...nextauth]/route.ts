// GET|POST /api/auth/* — next-auth's sign-in, session and sign-out endpoints
export { GET, POST } from "@/lib/auth/handler";
