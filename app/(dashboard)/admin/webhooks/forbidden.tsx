import { AdminOnly } from "@/components/admin/admin-only";

export default function Forbidden() {
  return <AdminOnly area="webhooks" />;
}
