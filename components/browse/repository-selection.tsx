"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { createContext, useContext, useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { useErrorText } from "@/components/ui/use-message";
import { MAX_REPOSITORIES_PER_JOB } from "@/lib/jobs/limits";
import { namespaceRepositoriesQuery } from "./namespace-repositories";

// Loaded only when an operator opens it, so viewers never download the panel.
const SyncPanel = dynamic(() => import("@/components/sync-panel/sync-panel").then((m) => m.SyncPanel));

// Repositories picked on the list for one sync: kept across the list's pages, sorting and search within a namespace.

interface Selection {
  region: string;
  namespace: string;
  /** Name → tag count, for the panel's count before the plan answers. */
  selected: ReadonlyMap<string, number>;
  set: (repositories: readonly { name: string; tagCount: number }[], checked: boolean) => void;
  clear: () => void;
}

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("repository selection controls belong inside <RepositorySelection>");
  return selection;
}

/** Holds the selected repositories of one namespace and shows the bar that syncs them; key it on region and namespace. */
export function RepositorySelection({ region, namespace, children }: { region: string; namespace: string; children: ReactNode }) {
  const [selected, setSelected] = useState<ReadonlyMap<string, number>>(new Map());
  const set: Selection["set"] = (repositories, checked) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const r of repositories) {
        if (checked) next.set(r.name, r.tagCount);
        else next.delete(r.name);
      }
      return next;
    });
  const value: Selection = { region, namespace, selected, set, clear: () => setSelected(new Map()) };
  return (
    <SelectionContext.Provider value={value}>
      {children}
      <SelectionBar />
    </SelectionContext.Provider>
  );
}

/** A row's box: "Select nginx". */
export function RepositoryCheckbox({ name, tagCount }: { name: string; tagCount: number }) {
  const t = useTranslations("repositorySelection");
  const { selected, set } = useSelection();
  return <Checkbox aria-label={t("select", { name })} checked={selected.has(name)} onChange={(e) => set([{ name, tagCount }], e.target.checked)} />;
}

/** The header's box: every repository of the namespace, on every page of the list. */
export function SelectAllRepositories() {
  const t = useTranslations("repositorySelection");
  const errorText = useErrorText();
  const client = useQueryClient();
  const { region, namespace, selected, set, clear } = useSelection();
  const problemId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const known = client.getQueryData(namespaceRepositoriesQuery(region, namespace).queryKey);
  const all = known !== undefined && known.items.length > 0 && known.items.every((r) => selected.has(r.name));

  async function toggle(checked: boolean) {
    setProblem(null);
    if (!checked) return clear();
    setBusy(true);
    try {
      const repositories = await client.fetchQuery(namespaceRepositoriesQuery(region, namespace));
      if (repositories.total > MAX_REPOSITORIES_PER_JOB) setProblem(t("tooMany", { count: repositories.total, max: MAX_REPOSITORIES_PER_JOB }));
      else set(repositories.items, true);
    } catch (error) {
      setProblem(t("loadFailed", { message: errorText(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Checkbox
        aria-label={t("selectAll")}
        aria-describedby={problem ? problemId : undefined}
        aria-busy={busy}
        disabled={busy}
        checked={all}
        indeterminate={!all && selected.size > 0}
        onChange={(e) => void toggle(e.target.checked)}
      />
      {problem ? (
        <span id={problemId} role="alert" className="text-xs font-normal text-red-700 dark:text-red-300">
          {problem}
        </span>
      ) : null}
    </span>
  );
}

/** Sticks to the bottom of the window while repositories are selected: how many, clear, and "Sync N repositories". */
function SelectionBar() {
  const t = useTranslations("repositorySelection");
  const { region, namespace, selected, clear } = useSelection();
  const [open, setOpen] = useState(false);
  if (selected.size === 0) return null;
  const repositories = [...selected].map(([name, tagCount]) => ({ name, tagCount })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const tags = repositories.reduce((n, r) => n + r.tagCount, 0);
  return (
    <div
      role="region"
      aria-label={t("barLabel")}
      className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-md dark:border-slate-700 dark:bg-slate-900"
    >
      <p role="status" className="text-sm font-medium">
        {t("selected", { count: selected.size, tags })}
      </p>
      <Button variant="ghost" onClick={clear}>
        {t("clear")}
      </Button>
      <Button className="ml-auto" disabled={selected.size > MAX_REPOSITORIES_PER_JOB} onClick={() => setOpen(true)}>
        {t("sync", { count: selected.size })}
      </Button>
      {open ? <SyncPanel scope={{ kind: "repositories", source: { region, namespace }, repositories }} open={open} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
