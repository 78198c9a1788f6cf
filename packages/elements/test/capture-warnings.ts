/**
 * For a describe block: console.warn is captured during each of its tests, and the returned
 * array holds what was warned in the current test (each call's arguments joined by spaces).
 */
export function captureWarnings(): string[] {
  const warnings: string[] = [];
  const realWarn = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = realWarn;
  });
  return warnings;
}
