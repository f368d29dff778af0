// Stands in for your auth library (Auth.js, Clerk, your own cookie session): the signed-in user's id,
// read on the server. Never a value the browser sends in the request.
export async function currentUserId(): Promise<string | undefined> {
  return 'example-user';
}
