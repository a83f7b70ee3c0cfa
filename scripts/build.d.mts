/** See build.mjs. */
export const ENTRY_POINTS: Record<string, string>;
export function build(options?: { dir?: string }): Promise<{ dir: string; inputs: number }>;
