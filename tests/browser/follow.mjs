// Follow mode: the facilitator presents with the edit link (F5, then the arrow keys); a
// page opened with the view link follows to each slide within a second. Also saves the
// presentation at 1920×1080 for the README.
import { join } from 'node:path';
import { check, waitUntil, outDir, runBrowserTest, watchErrors } from './harness.mjs';

async function waitFor(page, fn, arg, what, timeout = 15000) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 20 });
  } catch (e) {
    throw new Error('timed out waiting for ' + what);
  }
}

// Presses `key` until the facilitator is on `slide`: a second press only if the first was not
// seen within 5 s (said in the output; under load a scripted press, which lets go in the same
// instant, was once lost), as the follow is what this test is about.
async function turnTo(page, key, slide) {
  await page.keyboard.press(key);
  if (await waitUntil(page, (n) => window.samverkan.slide === n, slide, 5000)) return;
  console.log(`${key} was not seen by the facilitator's page within 5 s: pressed again`);
  await page.keyboard.press(key);
  await waitFor(page, (n) => window.samverkan.slide === n, slide, 'the facilitator on slide ' + (slide + 1));
}

await runBrowserTest(async ({ server, browser, args }) => {
  const out = outDir(args.out);
  const links = server.links['Familjehem Västernorrland'];
  // Two windows, as on two machines (a page in a background tab draws no frames).
  const facilitator = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const viewer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const errors = watchErrors(viewer);
  const opened = () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.frames > 2 && window.samverkan.online;
  await facilitator.goto(links.edit.replace('/#', '/?test=1#'));
  await viewer.goto(links.view.replace('/#', '/?test=1#'));
  await waitFor(facilitator, opened, null, 'the facilitator page');
  await waitFor(viewer, opened, null, 'the viewer page');

  await facilitator.bringToFront();
  await facilitator.mouse.click(960, 600);   // focus the canvas
  await facilitator.keyboard.press('F5');
  check(await waitUntil(facilitator, () => window.samverkan.presenting && window.samverkan.slide === 0, null), 'F5 starts presentation mode');
  check(await waitUntil(viewer, () => window.samverkan.presenting && window.samverkan.slide === 0, null, 3000), 'the view link follows into the presentation');
  // The follower draws with the slide fonts (32 px text, 56 px titles), built for the presentation.
  check(await waitUntil(viewer, () => window.samverkan.fontAtlas === 'built', null, 3000), 'the follower switches to the slide fonts');

  for (const [key, slide] of [['ArrowRight', 1], ['PageDown', 2], ['ArrowRight', 3], ['PageUp', 2]]) {
    await turnTo(facilitator, key, slide);
    const t0 = Date.now();
    await waitFor(viewer, (n) => window.samverkan.slide === n, slide, 'the viewer on slide ' + (slide + 1), 1000);
    const ms = Date.now() - t0;
    check(ms < 1000, key + ': the viewer follows to slide ' + (slide + 1) + ' ' + ms + ' ms after the facilitator (≤ 1 s)');
  }
  await facilitator.screenshot({ path: join(out, 'presentation-1920.png') });
  await viewer.screenshot({ path: join(out, 'viewer-1920.png') });

  // The viewer cannot steer: its arrow keys do nothing to the facilitator.
  await viewer.bringToFront();
  await viewer.mouse.click(960, 600);
  await viewer.keyboard.press('ArrowRight');
  await new Promise((r) => setTimeout(r, 300));
  check(await facilitator.evaluate(() => window.samverkan.slide) === 2, "the viewer's keys do not move the facilitator's slides");

  // The "Tänk om" slide: the facilitator unticks a party; followers get the same figures.
  await facilitator.bringToFront();
  await facilitator.keyboard.press('End');
  check(await waitUntil(facilitator, () => window.samverkan.rects && Object.keys(window.samverkan.rects).some((k) => k.startsWith('what-if:')), null, 5000),
        'the last slide is the "Tänk om" slide');
  const party = await facilitator.evaluate(() => Object.keys(window.samverkan.rects).filter((k) => k.startsWith('what-if:')).pop().slice(8));
  const box = await facilitator.evaluate((n) => {
    const c = document.getElementById('canvas'), k = c.clientWidth / c.width, [x, y, w, h] = window.samverkan.rects['what-if:' + n];
    return { x: (x + h / 2) * k, y: (y + h / 2) * k };
  }, party);
  await facilitator.mouse.click(box.x, box.y);
  check(await waitUntil(facilitator, (p) => [...(window.samverkan.whatIf.leave || []), ...(window.samverkan.whatIf.join || [])].includes(p), party, 3000), 'the facilitator ticks ' + party + ' in or out');
  check(await waitUntil(viewer, (p) => [...(window.samverkan.whatIf.leave || []), ...(window.samverkan.whatIf.join || [])].includes(p), party, 2000),
        'the follower gets the same "what if" (' + party + ' in or out) within 2 s');

  await facilitator.bringToFront();
  await facilitator.keyboard.press('Escape');
  await waitFor(facilitator, () => !window.samverkan.presenting, null, 'Esc');
  check(await waitUntil(viewer, () => !window.samverkan.presenting, null, 2000), 'Esc ends the presentation for the facilitator and the followers');
  const real = errors.filter((e) => !(e.startsWith('request failed:') && e.includes('/events?')));
  check(real.length === 0, 'no errors on the viewer page: ' + JSON.stringify(real));
});
