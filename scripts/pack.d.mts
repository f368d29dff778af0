export const root: string;
export function listPackages(): { name: string; dir: string; manifest: Record<string, unknown> }[];
export function buildPackages(options?: { ifStale?: boolean }): void;
export function packPackages(destination: string): { name: string; dir: string; tarball: string }[];
