// Two browsers on one workspace: an edit in one reaches the other live; a view link
// cannot change anything; an edit made offline is sent when the network returns.
import { check, waitUntil, runBrowserTest, watchErrors } from './harness.mjs';

const waitFor = (page, fn, arg, ms = 5000) => page.waitForFunction(fn, arg, { timeout: ms, polling: 10 });
await runBrowserTest(async ({ server, browser }) => {
  const editorCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const editor = await editorCtx.newPage();
  const viewer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(viewer);
  await editor.goto(server.editLink.replace('/#', '/?test=1#'));
  await viewer.goto(server.viewLink.replace('/#', '/?test=1#'));
  for (const p of [editor, viewer]) check(await waitUntil(p, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.online, null, 20000), 'both pages opened the workspace from the server and follow its events');
  // The view link says so where everyone looks ("Visningsläge"); the edit link does not.
  check(await waitUntil(viewer, () => window.samverkan.rects && !!window.samverkan.rects['view-mode'], null, 5000) &&
        !(await editor.evaluate(() => window.samverkan.rects && !!window.samverkan.rects['view-mode'])),
        'the view-link page shows "Visningsläge" in its header, the edit page does not');

  const path = '/matters/tjanstepersonsstruktur-2022/decisions/kramfors/status';
  const edit = (page, value) => page.evaluate(([p, v]) => Module.ccall('samverkan_edit', 'number', ['string'],
      [JSON.stringify([{ op: 'replace', path: p, value: v }])]), [path, value]);
  const status = (page) => page.evaluate(() => JSON.parse(Module.ccall('samverkan_saved', 'string', [], []))
      .matters['tjanstepersonsstruktur-2022'].decisions.kramfors.status);

  // Left alone, a page draws a few frames a second, not 60 (a page open all day keeps no core busy);
  // a colleague's change is drawn at once all the same.
  await viewer.waitForTimeout(1500);
  const [idleFrames, idlePainted] = await viewer.evaluate(() => new Promise((resolve) => {
    const f0 = window.samverkan.frames, p0 = window.samverkan.painted;
    setTimeout(() => resolve([window.samverkan.frames - f0, window.samverkan.painted - p0]), 2000);
  }));
  check(idleFrames >= 4 && idleFrames <= 14, `an idle page drew ${idleFrames} frames in 2 s (about 4 a second)`);
  check(idlePainted === 0, `and painted ${idlePainted} of them on its canvas (each was what the canvas shows)`);
  await viewer.evaluate(() => window.samverkanStream.addEventListener('patch', () => {
    window.patchSeenAt = Date.now();
    const p0 = window.samverkan.painted, t0 = performance.now();
    const poll = () => (window.samverkan.painted > p0 ? (window.patchDrawnAfter = performance.now() - t0) : requestAnimationFrame(poll));
    requestAnimationFrame(poll);
  }));
  const sentAt = await editor.evaluate(() => Date.now());
  check(await edit(editor, 'adopted') === 1, 'the editor changes Kramfors\' decision');
  await waitFor(viewer, () => window.samverkan.revision === 2);
  const latency = (await viewer.evaluate(() => window.patchSeenAt)) - sentAt;
  console.log(`the edit reached the other browser after ${latency} ms`);
  check(latency < 1000, 'live within a second (the target is 100 ms; see the note in the README)');
  check(await status(viewer) === 'adopted', 'the viewer shows the new status');
  const drawnAfter = await viewer.evaluate(() => window.patchDrawnAfter);
  check(drawnAfter !== undefined && drawnAfter < 100, `the idle viewer drew the change ${Math.round(drawnAfter)} ms after it came (not at its next idle frame)`);
  check(await edit(viewer, 'declined') === 0, 'the view link refuses to edit');
  check(await status(viewer) === 'adopted', 'and nothing changed');

  await editorCtx.setOffline(true);
  check(await edit(editor, 'paused') === 1, 'an edit made offline is kept locally');
  await editor.waitForTimeout(500);
  check(await editor.evaluate(() => window.samverkan.waiting) === 1, 'one change waits while offline');
  await editorCtx.setOffline(false);
  await waitFor(editor, () => window.samverkan.waiting === 0 && window.samverkan.revision === 3, null, 15000);
  await waitFor(viewer, () => window.samverkan.revision === 3, null, 15000);
  check(await status(viewer) === 'paused', 'the waiting change was sent on reconnect and reached the viewer');

  // A colleague's change keeps my Undo: Ctrl+Z takes back my own edit, not theirs.
  const colleague = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await colleague.goto(server.editLink);
  check(await waitUntil(colleague, () => window.samverkan && window.samverkan.online && window.samverkan.revision === 3, null, 20000), 'a colleague opens the workspace');
  const timra = '/matters/tjanstepersonsstruktur-2022/decisions/timra/status';
  check(await colleague.evaluate((p) => Module.ccall('samverkan_edit', 'number', ['string'], [JSON.stringify([{ op: 'replace', path: p, value: 'declined' }])]), timra) === 1,
        "the colleague changes Timrå's decision");
  await waitFor(editor, () => window.samverkan.revision === 4, null, 15000);
  await editor.bringToFront();
  await editor.evaluate(() => {   // what reached the page, for the message below
    window.keyTrail = [];
    const note = (e) => window.keyTrail.push([e.type, e.key || '', e.ctrlKey ? 1 : 0, window.samverkan.frames, Math.round(performance.now())]);
    for (const type of ['keydown', 'keyup', 'blur', 'focus', 'mousedown', 'mouseup']) window.addEventListener(type, note, true);
  });
  await editor.mouse.click(640, 790);   // the status bar: focus without touching a widget
  // Ctrl held while the focus moves within the page (the screen reader's mirror follows ImGui's
  // focus from frame to frame): Ctrl is still held when Z comes.
  await editor.keyboard.down('Control');
  await editor.evaluate(() => new Promise((resolve) => {
    Module.canvas.focus();
    Module.canvas.blur();
    const f0 = window.samverkan.frames;
    const wait = () => (window.samverkan.frames >= f0 + 2 ? resolve() : requestAnimationFrame(wait));
    wait();
  }));
  await editor.keyboard.press('z');
  await editor.keyboard.up('Control');
  const undone = await waitUntil(editor, () => window.samverkan.waiting === 0 && window.samverkan.revision === 5, null, 15000);
  // When it is not, whether the key went unseen or Undo refused: the page's state, then Undo called directly.
  const unseen = undone ? '' : ' (the page: ' + JSON.stringify(await editor.evaluate(() => {
    const m = JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters['tjanstepersonsstruktur-2022'].decisions;
    return { kramfors: m.kramfors.status, timra: m.timra.status, revision: window.samverkan.revision, waiting: window.samverkan.waiting,
             frames: window.samverkan.frames, now: Math.round(performance.now()), trail: window.keyTrail, status: (document.querySelector('#a11y-mirror [role=status]') || {}).textContent,
             focused: document.hasFocus(), visible: document.visibilityState, undo_called: Module.ccall('samverkan_undo', 'number', [], []) };
  })) + ')';
  check(undone, 'Ctrl+Z after the colleague\'s change is sent' + unseen);
  const both = await editor.evaluate(() => { const m = JSON.parse(Module.ccall('samverkan_saved', 'string', [], [])).matters['tjanstepersonsstruktur-2022'].decisions;
                                             return m.kramfors.status + ' ' + m.timra.status; });
  check(both === 'adopted declined', "Ctrl+Z undid the editor's own last change (paused → adopted) and kept the colleague's (" + both + ')');

  // The answer to a change is lost on its way back (the server committed it): the page sends it
  // again with the same Idempotency-Key and it is applied once, with no clash with itself.
  let lost = 0;
  const keys = [];
  await editor.route('**/api/workspaces/*', async (route) => {
    const request = route.request();
    if (request.method() !== 'PATCH') return route.continue();
    keys.push(request.headers()['idempotency-key']);
    if (lost++ > 0) return route.continue();
    await route.fetch();      // through to the server, which commits it
    return route.abort();     // and the page never hears
  });
  check(await edit(editor, 'declined') === 1, 'the editor changes Kramfors\' decision once more');
  check(await waitUntil(editor, () => window.samverkan.waiting === 0 && window.samverkan.revision === 6, null, 20000),
        'after the lost answer the change is sent again and the page is at revision 6, not 7');
  check(keys.length >= 2 && /^[0-9a-f]{16}-[0-9]+-[0-9a-f]{16}$/.test(keys[0]) && keys.every((k) => k === keys[0]),
        'both sendings carried the same Idempotency-Key (' + keys.join(', ') + ')');
  await editor.unroute('**/api/workspaces/*');
  const history = await (await fetch(server.url + 'api/workspaces/' + new URLSearchParams(server.editLink.split('#')[1]).get('w') + '/history',
    { headers: { Authorization: 'Bearer ' + new URLSearchParams(server.editLink.split('#')[1]).get('t') } })).json();
  check(history.history[0].revision === 6 && history.history.length === 6, 'the server has one revision for it (' + history.history.length + ' in all)');

  // Reopened with the server out of reach: the copy kept in this browser (its base a Blob in
  // IndexedDB, stored at the revision the page opened at; its line in IDBFS), and a change made
  // there waits and is sent once the server is back.
  check(await waitUntil(editor, () => window.samverkan.storeDirty === false && !window.samverkan.storing, null, 10000),
        'the page keeps what it shows on its own (its base, then the line that names it)');
  const wid = new URLSearchParams(server.editLink.split('#')[1]).get('w');
  const bases = await editor.evaluate(async () => {
    const db = await window.samverkanBases();
    return new Promise((resolve) => { const q = db.transaction('bases').objectStore('bases').getAllKeys(); q.onsuccess = () => resolve(q.result); });
  });
  check(bases.length === 1 && bases[0] === wid + '@1', 'one base is kept, at the revision the page opened at (' + bases.join(', ') + ')');
  const files = await editor.evaluate(() => FS.readdir('/persist').filter((f) => f.startsWith('ws-')));
  check(files.length === 1 && files[0].endsWith('.line.json'), 'IDBFS holds only the line (' + files.join(', ') + ')');
  await editorCtx.route('**/api/**', (route) => route.abort());
  await editor.reload();
  check(await waitUntil(editor, () => window.samverkan && window.samverkan.source === 'server' && window.samverkan.revision === 6 && window.samverkan.frames > 2, null, 20000),
        'with the server out of reach, a reload opens the copy kept in this browser, at revision 6');
  check(await status(editor) === 'declined', 'the kept copy has the last change (declined)');
  check(await edit(editor, 'adopted') === 1, 'an edit on the kept copy is taken');
  await editor.waitForTimeout(300);
  check(await editor.evaluate(() => window.samverkan.waiting) === 1, 'and waits while the server is out of reach');
  await editorCtx.unroute('**/api/**');
  check(await waitUntil(editor, () => window.samverkan.waiting === 0 && window.samverkan.revision === 7, null, 20000), 'once the server is back, the waiting change is sent (revision 7)');
  await waitFor(viewer, () => window.samverkan.revision === 7, null, 15000);
  check(await status(viewer) === 'adopted', 'and reaches the other browser');
  check(errors.length === 0, 'no errors on the viewer page: ' + JSON.stringify(errors));
});
