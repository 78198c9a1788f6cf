/**
 * `await executeServerCommand('emulate-timezone', { timezoneId: 'America/New_York' })` from a
 * browser test runs the page in that zone (Chromium's Emulation.setTimezoneOverride, through
 * Puppeteer), so a test can show that what an element writes does not depend on the reader's
 * zone. An empty `timezoneId` restores the machine's zone.
 */
export function timezoneCommand() {
  return {
    name: 'bantin-emulate-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      const page = session.browser.getPage(session.id);
      await page.emulateTimezone(payload?.timezoneId || undefined);
      return true;
    },
  };
}
