"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { memo, useCallback, useMemo, type ChangeEvent } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { CopyButton } from "@/components/ui/copy-button";
import { cellClass, numericCellClass, rowClass, tableClass, TableScroller, Th, theadClass } from "@/components/ui/table";
import type { TagDto } from "@/lib/browse/dto";
import { formatBytes, shortDigest } from "@/lib/format";
import { formatTimestamp } from "./format";
import { type CheckboxClick, pageCheck } from "./selection";

// React delivers a checkbox's change from the click, so the native event says whether Shift was held.
const shiftHeld = (e: ChangeEvent<HTMLInputElement>) => e.nativeEvent instanceof MouseEvent && e.nativeEvent.shiftKey;

interface RowProps {
  tag: TagDto;
  /** The repository's pull path; each row offers `docker pull <path>:<tag>` to copy. */
  pullPath: string;
  selectable: boolean;
  locked: boolean;
  checked: boolean;
  onClick: (click: CheckboxClick) => void;
}

const TagRow = memo(function TagRow({ tag, pullPath, selectable, locked, checked, onClick }: RowProps) {
  const t = useTranslations("tags");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <tr className={`${rowClass} ${checked ? "bg-blue-50 dark:bg-blue-950/40" : ""}`}>
      {selectable ? (
        <td className={`${cellClass} w-8`}>
          <Checkbox
            aria-label={t("selectTag", { tag: tag.tag })}
            checked={checked}
            disabled={locked}
            // Shift-clicking would otherwise select the text between the two rows.
            onMouseDown={(e) => e.shiftKey && e.preventDefault()}
            onChange={(e) => onClick({ tag: tag.tag, checked: e.target.checked, shiftKey: shiftHeld(e) })}
          />
        </td>
      ) : null}
      <th scope="row" className={`${cellClass} font-mono font-normal`}>
        {tag.tag}
      </th>
      <td className={`${cellClass} font-mono text-xs`} title={tag.digest || undefined}>
        {shortDigest(tag.digest)}
      </td>
      <td className={numericCellClass}>{formatBytes(tag.size, locale)}</td>
      <td className={cellClass}>{formatTimestamp(format, tag.updatedAt)}</td>
      {pullPath ? (
        <td className={cellClass}>
          <CopyButton text={`docker pull ${pullPath}:${tag.tag}`} label={t("copyPull", { tag: tag.tag })} />
        </td>
      ) : null}
    </tr>
  );
});

/**
 * One page of tags; with `selectable`, a checkbox per row (shift-click for ranges) and one for the page. `locked`
 * while a rule (all, search, pattern) holds the selection: the boxes show it but cannot change it.
 */
export function TagTable({
  caption,
  tags,
  pullPath,
  selectable,
  locked,
  selected,
  onClick,
  onSetMany,
  busy,
}: {
  caption: string;
  tags: readonly TagDto[];
  pullPath: string;
  selectable: boolean;
  locked: boolean;
  selected: ReadonlySet<string>;
  onClick: (click: CheckboxClick, visible: readonly string[]) => void;
  onSetMany: (tags: readonly string[], checked: boolean) => void;
  busy: boolean;
}) {
  const t = useTranslations("tags");
  const visible = useMemo(() => tags.map((tag) => tag.tag), [tags]);
  // Stable while the page is the same, so rows whose checkbox did not change skip rendering.
  const onRowClick = useCallback((click: CheckboxClick) => onClick(click, visible), [onClick, visible]);
  const check = pageCheck(selected, visible);
  return (
    <TableScroller>
      <table className={tableClass} aria-busy={busy}>
        <caption className="sr-only">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            {selectable ? (
              <th scope="col" className={`${cellClass} w-8`}>
                <Checkbox
                  aria-label={t("selectPage")}
                  checked={check === "all"}
                  indeterminate={check === "some"}
                  disabled={locked}
                  onChange={(e) => onSetMany(visible, e.target.checked)}
                />
              </th>
            ) : null}
            <Th>{t("colTag")}</Th>
            <Th>{t("colDigest")}</Th>
            <Th numeric>{t("colSize")}</Th>
            <Th>{t("colUpdated")}</Th>
            {pullPath ? <Th>{t("colPull")}</Th> : null}
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <TagRow key={tag.tag} tag={tag} pullPath={pullPath} selectable={selectable} locked={locked} checked={selected.has(tag.tag)} onClick={onRowClick} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
