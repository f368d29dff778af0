/** A field path's last segment: `authed_user.scope` → `scope`. Internal; not exported by the package. */
export function leafName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
