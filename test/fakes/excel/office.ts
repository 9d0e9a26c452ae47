/** The Office and OfficeExtension globals: onReady, requirement sets, theme, error class. */
import { compareVersions } from "./apiSets";
import { ErrorCode, OfficeExtensionError } from "./errors";
import { ClientObject, ClientResult } from "./proxy";
import { EventHandlers } from "./workbook";

export interface OfficeOptions {
  host: "Excel" | null;
  supportedApi: string;
}

/** Minimal Office namespace: what a task pane touches before and around Excel.run. */
export function createOffice(opts: OfficeOptions): any {
  const host = opts.host;
  const platform = host ? "PC" : null;
  const handlers = new Map<string, (event: unknown) => unknown>();
  const office: any = {
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    initialize: undefined as undefined | ((reason?: string) => void),
    onReady(callback?: (info: { host: string | null; platform: string | null }) => unknown) {
      const info = { host, platform };
      return Promise.resolve().then(() => {
        office.initialize?.("");
        callback?.(info);
        return info;
      });
    },
    context: {
      host,
      platform,
      displayLanguage: "en-US",
      contentLanguage: "en-US",
      diagnostics: { host, platform, version: "16.0.18000.20000" },
      officeTheme: {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
        themeId: "Colorful",
      },
      requirements: {
        /** ExcelApi compares with the fake's supportedApi; every other set is reported unsupported. */
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (!host || String(name).toLowerCase() !== "excelapi") return false;
          return compareVersions(String(minVersion ?? "1.1"), opts.supportedApi) <= 0;
        },
      },
    },
    actions: {
      /** Ribbon command handlers (Office.actions.associate); tests find them in `_handlers`. */
      associate(name: string, handler: (event: unknown) => unknown) {
        handlers.set(name, handler);
      },
      _handlers: handlers,
    },
  };
  return office;
}

export function createOfficeExtension(): any {
  return {
    Error: OfficeExtensionError,
    ErrorCodes: {
      accessDenied: ErrorCode.accessDenied,
      generalException: ErrorCode.generalException,
      invalidArgument: ErrorCode.invalidArgument,
      invalidObjectPath: ErrorCode.invalidObjectPath,
      invalidRequestContext: ErrorCode.invalidRequestContext,
      propertyNotLoaded: ErrorCode.propertyNotLoaded,
      valueNotLoaded: ErrorCode.valueNotLoaded,
      runMustReturnPromise: ErrorCode.runMustReturnPromise,
      apiNotFound: ErrorCode.apiNotFound,
      activityLimitReached: "ActivityLimitReached",
      cannotRegisterEvent: "CannotRegisterEvent",
      connectionFailure: "ConnectionFailure",
    },
    ClientObject,
    ClientResult,
    EventHandlers,
    Promise,
    config: { extendedErrorLogging: false },
  };
}
