/** See build.mjs. */
export const ENTRY_POINTS: Record<string, string>;
export function build(options?: { root?: string; dir?: string; onBundled?: () => void }): Promise<{ dir: string; inputs: number }>;
