/**
 * `executeServerCommand('set-timezone', { timezoneId })`: makes the test page's clock read in
 * another zone (CDP Emulation.setTimezoneOverride), so tests can show that what the elements
 * call "today" is Vietnam's, not the reader's. `timezoneId: ''` restores the machine's zone.
 */
export function timezonePlugin() {
  return {
    name: 'bantin-set-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-timezone') return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error(`set-timezone needs Chromium, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: payload?.timezoneId ?? '' });
      await cdp.detach();
      return true;
    },
  };
}
