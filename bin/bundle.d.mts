/** See bundle.mjs. */
export function freshBundle(root: string, entry?: string): string | null;
