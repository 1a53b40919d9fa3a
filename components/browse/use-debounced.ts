"use client";

import { useEffect, useRef, useState } from "react";

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(id);
  }, [value, delayMs]);
  return settled;
}

/**
 * A text box bound to a committed value (e.g. `q` in the URL): typing commits after a pause, and a change of
 * the committed value from outside (back button) shows up in the box.
 */
export function useDebouncedInput(committed: string, onCommit: (value: string) => void, delayMs = 300) {
  const [text, setText] = useState(committed);
  const [seen, setSeen] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    if (text.trim() !== committed) setText(committed);
  }
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  useEffect(() => {
    if (text.trim() === committed) return;
    const id = setTimeout(() => commit.current(text.trim()), delayMs);
    return () => clearTimeout(id);
  }, [text, committed, delayMs]);
  return { text, setText, commitNow: () => commit.current(text.trim()) };
}
