import { redirect } from "next/navigation";

// Users are the only admin screen so far.
export default function AdminPage() {
  redirect("/admin/users");
}
