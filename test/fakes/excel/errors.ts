/** OfficeExtension.Error for the fake: same name, codes and messages as the Office.js runtime. */

export const ErrorCode = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
} as const;

// Server messages as Excel returns them (en-US); client-side ones copied from office_strings.js.
const defaultMessages: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "An internal error has occurred.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: "The requested operation is invalid.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NotImplemented: "The requested feature isn't implemented.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
};

const httpStatus: Record<string, number> = {
  AccessDenied: 401,
  ApiNotFound: 404,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  ItemNotFound: 404,
  ItemAlreadyExists: 409,
  PropertyNotLoaded: 400,
  ValueNotLoaded: 400,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  toString(): string;
}

/** The class tests see as OfficeExtension.Error (`name` is 'RichApi.Error' as in the runtime). */
export class OfficeExtensionError extends Error {
  code: string;
  debugInfo: DebugInfo;
  traceMessages: string[] = [];
  innerError: unknown = null;
  httpStatusCode: number;

  constructor(code: string, message?: string, errorLocation?: string) {
    const text = message ?? defaultMessages[code] ?? code;
    super(text);
    // Keep instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.message = text;
    this.httpStatusCode = httpStatus[code] ?? 500;
    this.debugInfo = {
      code,
      message: text,
      ...(errorLocation ? { errorLocation } : {}),
      toString() {
        return JSON.stringify(this);
      },
    };
  }

  toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function fakeError(
  code: string,
  message?: string,
  errorLocation?: string
): OfficeExtensionError {
  return new OfficeExtensionError(code, message, errorLocation);
}

export function propertyNotLoaded(className: string, property: string): OfficeExtensionError {
  return fakeError(
    ErrorCode.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${className}.${property}`
  );
}

export function invalidArgument(detail?: string, location?: string): OfficeExtensionError {
  return fakeError(
    ErrorCode.invalidArgument,
    detail ? `${defaultMessages.InvalidArgument} ${detail}` : undefined,
    location
  );
}

export function itemNotFound(detail?: string, location?: string): OfficeExtensionError {
  return fakeError(
    ErrorCode.itemNotFound,
    detail ? `${defaultMessages.ItemNotFound} ${detail}` : undefined,
    location
  );
}

export function invalidOperation(detail?: string, location?: string): OfficeExtensionError {
  return fakeError(
    ErrorCode.invalidOperation,
    detail ? `${defaultMessages.InvalidOperation} ${detail}` : undefined,
    location
  );
}

export function accessDenied(detail?: string, location?: string): OfficeExtensionError {
  return fakeError(
    ErrorCode.accessDenied,
    detail ? `${defaultMessages.AccessDenied} ${detail}` : undefined,
    location
  );
}

export function alreadyExists(detail?: string, location?: string): OfficeExtensionError {
  return fakeError(
    ErrorCode.itemAlreadyExists,
    detail ? `${defaultMessages.ItemAlreadyExists} ${detail}` : undefined,
    location
  );
}

/** Tables against other tables or merged cells (Excel.ErrorCodes.mergedRangeConflict). */
export function mergedRangeConflict(detail?: string, location?: string): OfficeExtensionError {
  return fakeError(
    ErrorCode.mergedRangeConflict,
    detail ? `${defaultMessages.MergedRangeConflict} ${detail}` : undefined,
    location
  );
}

/** The fake itself does not model something; distinct from Excel's own errors so tests never mistake it. */
export function notModelled(what: string, location?: string): OfficeExtensionError {
  return fakeError(ErrorCode.notImplemented, `Excel fake: ${what} is not modelled.`, location);
}
