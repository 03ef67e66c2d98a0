import type { LaunchOptions } from '@playwright/test';

export declare function chromiumLaunchOptions(args?: string[]): LaunchOptions;
