import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** The body of the browse pages' not-found files. */
export function NotFoundPanel({ title, body, linkLabel }: { title: string; body: string; linkLabel: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm">{body}</p>
      <Link href="/repositories" className={buttonClass("secondary")}>
        {linkLabel}
      </Link>
    </div>
  );
}
