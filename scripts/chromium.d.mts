export declare const HOW_TO_GET_ONE: string;
export declare function resolveChromium(): { executablePath: string | undefined; source: string };
export declare const CHROMIUM_ARGS: string[];
export declare function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] };
