/**
 * Since issue 21 every change someone else will see asks for 确认 first. Tests that make such a
 * change as a step on the way (not to test the confirmation itself) send it through this: the
 * command, then 确认 when Yishi asked for it; the answer to 确认 is returned, so the assertions
 * about the change read as before. A refusal before the preview comes back as it was.
 */
export async function confirmed(send: (text: string) => Promise<string>, text: string): Promise<string> {
  const preview = await send(text);
  if (!preview.includes('“确认”')) return preview;
  return send(/^\s*@议事助手/.test(text) ? '@议事助手 确认' : '确认');
}
