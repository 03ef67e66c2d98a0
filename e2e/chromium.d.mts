import type { LaunchOptions } from '@playwright/test';

export declare const CHROMIUM_ARGS: string[];
export declare function findSystemChromium(): string | undefined;
export declare function chromiumLaunchOptions(args?: string[]): LaunchOptions;
