/** Proxy objects as Office.js has them: queued operations, load-before-read, null objects, lazy binding at sync. */
import { compareVersions, requiredVersion } from "./apiSets";
import { ErrorCode, fakeError, invalidArgument, itemNotFound, propertyNotLoaded } from "./errors";
import type { WorkbookState } from "./state";

/** What an operation sees while a sync applies it. */
export interface Exec {
  readonly wb: WorkbookState;
  /** Op name ("Range.values") for error locations. */
  location: string;
  /** Bytes of loaded data this sync returns (checked against the response limit). */
  responseBytes: number;
}

export interface Op {
  name: string;
  wire: Record<string, unknown>;
  run: (x: Exec) => void;
}

/** The part of the request context proxies rely on (implemented in context.ts). */
export interface ProxyContext {
  readonly supportedApi: string;
  readonly closed: boolean;
  processingResult: boolean;
  nextObjectId(): number;
  queue(op: Op): void;
}

export interface PropSpec<E = any> {
  get?: (entity: E, x: Exec) => unknown;
  set?: (entity: E, value: unknown, x: Exec) => void;
}

export interface ClassInfo {
  name: string;
  props: Record<string, PropSpec>;
  /** Navigation properties (format, font, tables…): child proxies that need no load. */
  nav: Record<string, (parent: ClientObject) => ClientObject>;
}

type Resolver = (x: Exec) => unknown;

/** Constructor shape shared by every proxy class. */
export type ProxyCtor<T extends ClientObject> = new (
  ctx: ProxyContext,
  resolver: Resolver | null,
  origin: Origin | null,
  entity?: unknown
) => T;

export interface Origin {
  parent: ClientObject | null;
  method: string;
  args: unknown[];
}

let utf8: TextEncoder | undefined;
/** UTF-8 byte length, as the payload goes over the wire. */
export function utf8Length(text: string): number {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text.length;
  utf8 ??= new TextEncoder();
  return utf8.encode(text).length;
}

/** Arguments as they travel: proxies become references to their object path. */
function wireArgs(args: unknown[]): unknown[] {
  return args.map((a) => (a instanceof ClientObject ? { _ObjectPathId: a._id } : a));
}

export type LoadOption = string | string[] | Record<string, unknown> | undefined;

/** Flatten load() arguments to "a/b/c" paths (string, array, {select, expand} or the strict {prop: true} form). */
export function loadPaths(option: LoadOption): string[] | null {
  if (option === undefined || option === null) return null;
  if (typeof option === "string")
    return option
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(option)) return option.flatMap((s) => loadPaths(s) ?? []);
  if ("select" in option || "expand" in option) {
    const sel = loadPaths(option.select as LoadOption) ?? [];
    const exp = loadPaths(option.expand as LoadOption) ?? [];
    return [...sel, ...exp];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(option)) {
    if (v === true) out.push(k);
    else if (v && typeof v === "object")
      out.push(
        ...(loadPaths(v as LoadOption) ?? []).map((p) => `${k}/${p}`),
        ...(Object.keys(v).length === 0 ? [k] : [])
      );
  }
  return out;
}

export abstract class ClientObject {
  static info: ClassInfo;
  readonly context: any;
  readonly _id: number;
  /** undefined until bound at a sync; null for a null object. */
  _entity: unknown = undefined;
  _isNull: boolean | undefined = undefined;
  readonly _loaded = new Map<string, unknown>();
  private readonly _children = new Map<string, ClientObject>();
  _tracked = false;

  constructor(
    context: ProxyContext,
    private readonly _resolver: Resolver | null,
    origin: Origin | null,
    entity?: unknown
  ) {
    this.context = context;
    this._id = context.nextObjectId();
    if (entity !== undefined) {
      this._entity = entity;
      this._isNull = entity === null;
    } else if (context.processingResult) {
      // Born while a sync applies (nested loads): no instantiate action, the object binds on first use.
    } else if (origin) {
      // After Excel.run ends, only tracked objects (and what is derived from them) stay valid.
      origin.parent?._checkUsable();
      if (context.closed) this._tracked = true;
      const parentName = origin.parent ? origin.parent._info.name : "RequestContext";
      context.queue({
        name: `${parentName}.${origin.method}`,
        wire: {
          Id: this._id,
          P: origin.parent?._id ?? 0,
          N: origin.method,
          A: wireArgs(origin.args),
        },
        run: (x) => {
          this._bind(x);
        },
      });
    }
  }

  get _info(): ClassInfo {
    return (this.constructor as typeof ClientObject).info;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._info.name, "isNullObject");
    return this._isNull;
  }

  /** Resolve to the workbook entity (at sync time only). Throws ItemNotFound for objects that died. */
  _bind(x: Exec): unknown {
    if (this._entity === undefined) {
      const e = this._resolver ? this._resolver(x) : null;
      this._entity = e;
      this._isNull = e === null;
    }
    const e = this._entity as { deleted?: boolean } | null;
    if (e && e.deleted) throw itemNotFound(`The ${this._info.name} was deleted.`, x.location);
    return e;
  }

  _checkApi(member: string): void {
    const need = requiredVersion(this._info.name, member);
    const have = (this.context as ProxyContext).supportedApi;
    if (need && compareVersions(need, have) > 0) {
      throw fakeError(
        ErrorCode.apiNotFound,
        `The method or property ${this._info.name}.${member} is part of the ExcelApi ${need} requirement set, which is not available in your version of Excel.`,
        `${this._info.name}.${member}`
      );
    }
  }

  _checkUsable(): void {
    if ((this.context as ProxyContext).closed && !this._tracked) {
      throw fakeError(ErrorCode.invalidObjectPath, undefined, this._info.name);
    }
  }

  _get(prop: string): unknown {
    this._checkApi(prop);
    if (this._loaded.has(prop)) return this._loaded.get(prop);
    if (this._isNull === true) return undefined;
    throw propertyNotLoaded(this._info.name, prop);
  }

  _set(prop: string, value: unknown): void {
    this._checkApi(prop);
    this._checkUsable();
    const spec = this._info.props[prop];
    // Office.js keeps the assigned value on the proxy; the fake only does so for loaded properties.
    if (this._loaded.has(prop)) this._loaded.set(prop, value);
    this._queue(prop, { Id: this._id, S: prop, V: value }, (e, x) => spec.set!(e, value, x));
  }

  /** Queue a method call; `run` gets the bound entity (skipped for null objects, as Excel ignores them). */
  _call<E>(method: string, args: unknown[], run: (entity: E, x: Exec) => void): void {
    this._checkApi(method);
    this._checkUsable();
    this._queue(method, { Id: this._id, M: method, A: wireArgs(args) }, run);
  }

  _callResult<T, E>(
    method: string,
    args: unknown[],
    run: (entity: E, x: Exec) => T
  ): ClientResult<T> {
    const result = new ClientResult<T>();
    this._call<E>(method, args, (e, x) => result._resolve(run(e, x)));
    return result;
  }

  private _queue<E>(
    member: string,
    wire: Record<string, unknown>,
    run: (entity: E, x: Exec) => void
  ): void {
    (this.context as ProxyContext).queue({
      name: `${this._info.name}.${member}`,
      wire,
      run: (x) => {
        const e = this._bind(x);
        if (e !== null) run(e as E, x);
      },
    });
  }

  _nav<T extends ClientObject>(name: string): T {
    let child = this._children.get(name);
    if (!child) {
      this._checkApi(name);
      child = this._info.nav[name](this);
      this._children.set(name, child);
    }
    return child as T;
  }

  /** Child proxy resolved from this one at sync time. */
  _child<T extends ClientObject, E = unknown>(
    Ctor: ProxyCtor<T>,
    method: string,
    args: unknown[],
    resolve: (parentEntity: E, x: Exec) => unknown
  ): T {
    this._checkApi(method);
    const resolver: Resolver = (x) => {
      const p = this._bind(x);
      return p === null ? null : resolve(p as E, x);
    };
    return new Ctor(this.context, resolver, { parent: this, method, args });
  }

  load(option?: LoadOption): this {
    this._checkUsable();
    const paths = loadPaths(option);
    for (const p of paths ?? []) {
      const head = p.split("/")[0];
      if (head in this._info.props || head in this._info.nav) this._checkApi(head);
    }
    (this.context as ProxyContext).queue({
      name: `${this._info.name}.load`,
      wire: { Id: this._id, Q: paths ?? "*" },
      run: (x) => this._applyLoad(paths, x),
    });
    return this;
  }

  /** Fill loaded values at sync time. Unknown property names fail like Excel's server does. */
  _applyLoad(paths: string[] | null, x: Exec): void {
    const e = this._bind(x);
    if (e === null) return;
    const own = new Set<string>();
    const nested = new Map<string, string[]>();
    if (paths === null) {
      for (const p of Object.keys(this._info.props))
        if (this._info.props[p].get && this._apiOk(p)) own.add(p);
    }
    for (const path of paths ?? []) {
      const [head, ...rest] = path.split("/");
      if (this._loadSpecial(head, rest)) continue;
      if (head in this._info.props && rest.length === 0) own.add(head);
      else if (head in this._info.nav) {
        const list = nested.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        nested.set(head, list);
      } else
        throw invalidArgument(
          `The property '${path}' does not exist on ${this._info.name}.`,
          x.location
        );
    }
    for (const p of own) {
      const v = this._info.props[p].get!(e, x);
      x.responseBytes += utf8Length(JSON.stringify(v) ?? "") + p.length + 4;
      this._loaded.set(p, v);
    }
    for (const [name, sub] of nested) {
      const child = this._nav<ClientObject>(name);
      child._applyLoad(sub.length ? sub : null, x);
    }
  }

  /** Hook for collections: paths that address the items. */
  protected _loadSpecial(_head: string, _rest: string[]): boolean {
    return false;
  }

  private _apiOk(member: string): boolean {
    const need = requiredVersion(this._info.name, member);
    return !need || compareVersions(need, (this.context as ProxyContext).supportedApi) <= 0;
  }

  /** Assign several properties at once, as Office.js object.set({...}) does. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (v === undefined) continue;
      if (k in this._info.nav) this._nav<ClientObject>(k).set(v as Record<string, unknown>);
      else if (this._info.props[k]?.set) this._set(k, v);
      else
        throw invalidArgument(`Cannot set '${k}' on ${this._info.name}.`, `${this._info.name}.set`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded)
      out[k] =
        v instanceof ClientObject
          ? v.toJSON()
          : Array.isArray(v) && v[0] instanceof ClientObject
            ? v.map((i: ClientObject) => i.toJSON())
            : v;
    for (const [k, child] of this._children) {
      const j = child.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }

  track(): this {
    this._tracked = true;
    return this;
  }

  untrack(): this {
    this._tracked = false;
    return this;
  }
}

/** A collection proxy: `items` after load; "name" on a collection means items/name. */
export abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  protected abstract _members(entity: unknown, x: Exec): unknown[];
  protected abstract _makeItem(entity: unknown): T;

  get items(): T[] {
    return this._get("items") as T[];
  }

  /** Item paths gathered while a load is applied; null when the load does not touch the items. */
  private _pendingItemPaths: string[] | null = null;

  protected _loadSpecial(head: string, rest: string[]): boolean {
    if (head in this._info.props || head in this._info.nav) return false;
    const path = head === "items" ? rest.join("/") : [head, ...rest].join("/");
    this._pendingItemPaths = [...(this._pendingItemPaths ?? []), ...(path ? [path] : [])];
    return true;
  }

  _applyLoad(paths: string[] | null, x: Exec): void {
    this._pendingItemPaths = paths === null ? [] : null;
    super._applyLoad(paths, x);
    const itemPaths = this._pendingItemPaths;
    this._pendingItemPaths = null;
    if (itemPaths === null) return;
    const e = this._bind(x);
    if (e === null) return;
    const items = this._members(e, x).map((m) => {
      const item = this._makeItem(m);
      item._applyLoad(itemPaths.length ? itemPaths : null, x);
      return item;
    });
    this._loaded.set("items", items);
  }

  toJSON(): Record<string, unknown> {
    const items = this._loaded.get("items") as T[] | undefined;
    return items ? { items: items.map((i) => i.toJSON()) } : {};
  }
}

/** OfficeExtension.ClientResult: value readable after the sync that computed it. */
export class ClientResult<T> {
  private _value: T | undefined;
  private _done = false;

  get value(): T {
    if (!this._done) throw fakeError(ErrorCode.valueNotLoaded);
    return this._value as T;
  }

  _resolve(v: T): void {
    this._value = v;
    this._done = true;
  }
}

/** Install property accessors from the class table on the prototype. */
export function defineClass(ctor: { prototype: object; info: ClassInfo }, info: ClassInfo): void {
  ctor.info = info;
  for (const name of Object.keys(info.props)) {
    const spec = info.props[name];
    Object.defineProperty(ctor.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObject) {
        return this._get(name);
      },
      ...(spec.set
        ? {
            set(this: ClientObject, v: unknown) {
              this._set(name, v);
            },
          }
        : {}),
    });
  }
  for (const name of Object.keys(info.nav)) {
    Object.defineProperty(ctor.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObject) {
        return this._nav(name);
      },
    });
  }
}
