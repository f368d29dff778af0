/** A field path's last segment: `authed_user.scope` → `scope`. Internal; not exported by the package. */
export function leafName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** Whether a user sees and fills a toolkit field: every field but one marked `user_visible: false`. */
export function isUserVisible(field: { user_visible?: boolean | undefined }): boolean {
  return field.user_visible !== false;
}
