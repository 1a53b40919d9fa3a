import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JobDetail } from "@/components/jobs/job-detail";
import { getCurrentUser } from "@/lib/auth/session";
import { jobIdParamsSchema } from "@/lib/jobs/schemas";
import { getJobDetail } from "@/lib/jobs/store";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("job");
  return { title: t("metaTitle") };
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = jobIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const [user, job] = await Promise.all([getCurrentUser(), getJobDetail(parsed.data.id)]);
  if (!user) redirect(`/login`);
  if (!job) notFound();
  // The server's snapshot (the API's JobDetail, no tasks) paints at once; the browser then follows the job while it is live.
  return <JobDetail jobId={job.id} initialJob={job} viewer={{ email: user.email, role: user.role }} />;
}
