// What Office.js sends to Excel for one context.sync(), as the stand-in serialises it: the
// request message body of the Office JavaScript runtime (OfficeExtension.RequestMessageBody:
// { Actions: ActionInfo[], ObjectPaths: { [Id]: ObjectPathInfo } }) and the response
// (ResponseMessageBody: { Results: ActionResult[] }). A proxy is an object path (the global
// workbook, a property such as "Worksheets", a method such as "GetRange" with its
// arguments); each queued operation is an action on a path (Instantiate, Query with the
// selected properties, Method with its arguments, SetProperty with the value). Sizes are the
// UTF-8 length of these messages' JSON, so a request is measured the way Excel on the web
// counts it against its 5 MB ("payload size limit for requests and responses of 5MB",
// learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
// not estimated. Plain TypeScript (the browser e2e uses it too).

export const ObjectPathType = { GlobalObject: 1, Method: 3, Property: 4, Indexer: 5 } as const;
export const ActionType = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4 } as const;

export interface ArgumentInfo {
  Arguments: unknown[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select: string[] };
}

/** How a proxy is reached from its parent: a property, a method call or an indexer. */
export interface PathSpec {
  type: number;
  name: string;
  parent?: number;
  args?: unknown[];
}

/** An action before it is given its id. */
export type ActionSpec = Omit<ActionInfo, "Id">;

const encoder = new TextEncoder();

/** UTF-8 length of a value's JSON. */
export function utf8Json(v: unknown): number {
  return v === undefined ? 0 : encoder.encode(JSON.stringify(v)).length;
}

/** PascalCase wire name of a JavaScript member ("values" → "Values", "getRange" → "GetRange"). */
export function wireName(member: string): string {
  return member.charAt(0).toUpperCase() + member.slice(1);
}

/** The object paths and actions of one context, and the messages of each sync. */
export class WireLog {
  private nextId = 1;
  private readonly paths = new Map<number, ObjectPathInfo>();
  private actions: ActionInfo[] = [];
  private results: { ActionId: number; Value: unknown }[] = [];
  /** The workbook's global object path. */
  readonly root: number;

  constructor() {
    this.root = this.path({ type: ObjectPathType.GlobalObject, name: "" });
  }

  path(spec: PathSpec): number {
    const Id = this.nextId++;
    const info: ObjectPathInfo = { Id, ObjectPathType: spec.type, Name: spec.name };
    if (spec.type !== ObjectPathType.GlobalObject) info.ParentObjectPathId = spec.parent ?? this.root;
    if (spec.args && spec.args.length) info.ArgumentInfo = { Arguments: spec.args };
    this.paths.set(Id, info);
    return Id;
  }

  /** Adds an action to the batch; returns its id (a Query's result is filed under it). */
  action(spec: ActionSpec): number {
    const Id = this.nextId++;
    this.actions.push({ Id, ...spec });
    return Id;
  }

  result(actionId: number, value: unknown): void {
    this.results.push({ ActionId: actionId, Value: value });
  }

  /** The request body of the batch queued so far (every path its actions use, with parents). */
  request(): { Actions: ActionInfo[]; ObjectPaths: Record<number, ObjectPathInfo> } {
    const used: Record<number, ObjectPathInfo> = {};
    for (const a of this.actions) {
      for (let id: number | undefined = a.ObjectPathId; id !== undefined && !used[id];) {
        const p = this.paths.get(id);
        if (!p) break;
        used[id] = p;
        id = p.ParentObjectPathId;
      }
    }
    return { Actions: this.actions, ObjectPaths: used };
  }

  /** Takes the batch's request for sending and starts the next batch. */
  takeRequest(): { Actions: ActionInfo[]; ObjectPaths: Record<number, ObjectPathInfo> } {
    const body = this.request();
    this.actions = [];
    this.results = [];
    return body;
  }

  /** The response body of the batch just run. */
  response(): { Results: { ActionId: number; Value: unknown }[] } {
    return { Results: this.results };
  }
}
