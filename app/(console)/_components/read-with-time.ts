/**
 * Runs a server-side read and notes when it finished (epoch ms). Client components that show
 * relative times of that data use it as "now" in their first render, so the server's HTML and
 * the browser's hydration agree.
 */
export async function readWithTime<T>(read: () => Promise<T>): Promise<{ data: T; readAt: number }> {
  const data = await read();
  return { data, readAt: Date.now() };
}
