// The few `path/posix` functions the .xlsx package code uses (part names inside a zip), for the
// browser build: webpack 5 ships no Node polyfills, and webpack.config.js points `path/posix` here.
// Same results as Node's for the relative and absolute part names a package holds.

function parts(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length && out[out.length - 1] !== "..") out.pop();
    else if (part !== ".." || !path.startsWith("/")) out.push(part);
  }
  return out;
}

export function normalize(path: string): string {
  if (path === "") return ".";
  const absolute = path.startsWith("/");
  const body = parts(path).join("/");
  const trailing = path.endsWith("/") && body ? "/" : "";
  return absolute ? `/${body}${trailing}` : `${body || "."}${trailing}`;
}

export function join(...paths: string[]): string {
  const joined = paths.filter((p) => p !== "").join("/");
  return joined === "" ? "." : normalize(joined);
}

export function dirname(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const slash = trimmed.lastIndexOf("/");
  if (slash < 0) return ".";
  return slash === 0 ? "/" : trimmed.slice(0, slash);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** From `from` to `to`, both taken from the package root (what Node does with cwd "/"). */
export function relative(from: string, to: string): string {
  const a = parts(`/${from}`);
  const b = parts(`/${to}`);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => ".."), ...b.slice(same)].join("/");
}

export default { normalize, join, dirname, basename, relative };
