import { invalidParameter } from "./errors";

// Name rules of contract §3.2.
const NAMESPACE_RE = /^[a-z](?:[a-z0-9]|[._-](?=[a-z0-9])|__(?=[a-z0-9]))*$/;
const REPOSITORY_RE = /^[a-z0-9](?:[a-z0-9]|[./_-](?=[a-z0-9])|__(?=[a-z0-9]))*$/;

export function isValidNamespace(name: string): boolean {
  return name.length >= 1 && name.length <= 64 && NAMESPACE_RE.test(name);
}

export function isValidRepository(name: string): boolean {
  return name.length >= 1 && name.length <= 128 && REPOSITORY_RE.test(name);
}

export function assertNamespaceName(name: string, what = "namespace"): void {
  if (!isValidNamespace(name)) {
    throw invalidParameter(
      `invalid ${what} name "${name}": 1-64 characters, starting with a lower-case letter, then lower-case letters, digits, '.', '_' or '-', ending with a letter or digit, at most two consecutive '_', and '.', '_', '-' not next to each other`,
    );
  }
}

export function assertRepositoryName(name: string): void {
  if (!isValidRepository(name)) {
    throw invalidParameter(
      `invalid repository name "${name}": 1-128 characters of lower-case letters, digits, '.', '/', '_' or '-', starting and ending with a letter or digit, at most two consecutive '_', and '.', '/', '_', '-' not next to each other`,
    );
  }
}
