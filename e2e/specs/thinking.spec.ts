// Issue 4 through the UI: for each provider, turn thinking on, watch it stream into the
// Thinking block, see it fold when the answer starts, reload and find both intact. The
// emulator checks the request asked for thinking the provider's way, and that reasoning is
// never sent back as history.
import type { Page } from '@playwright/test';
import { assistant, expect, send, test } from '../support/fixtures';
import { chatRequests, lastChatRequest, newConversationOn, useBuiltIns, type BuiltIn } from '../support/builtins';

const REASONING = 'First I recall what the question is about. Then I weigh two readings of it and check the arithmetic twice before I answer.';
const ANSWER = 'The answer is forty-two, and here is a little more text so the answer takes a moment to stream in.';

const composer = (page: Page) => page.getByRole('form', { name: 'Compose a message' });
const thinkingSwitch = (page: Page) => composer(page).getByRole('button', { name: 'Thinking', exact: true });

/** One look at a reply: its Thinking disclosure, the reasoning shown, the answer text, busy or not. */
function snapshot(page: Page, index: number) {
  return assistant(page)
    .nth(index)
    .evaluate((el) => ({
      busy: el.getAttribute('aria-busy'),
      expanded: el.querySelector('.thinking-toggle')?.getAttribute('aria-expanded') ?? null,
      thinking: el.querySelector('[role="region"][aria-label="Thinking"]')?.textContent ?? null,
      answer: el.querySelector('.markdown')?.textContent ?? '',
    }));
}

/** Waits until the reply at `index` is final (its stream ended). */
async function settled(page: Page, index: number) {
  const reply = assistant(page).nth(index);
  await expect(reply).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
  return reply;
}

const CASES: { provider: BuiltIn; model: string; name: RegExp; effort?: 'high'; asked(body: Record<string, unknown>): void; notAsked(body: Record<string, unknown>): void }[] = [
  {
    provider: 'near',
    model: 'deepseek-ai/DeepSeek-V3.1',
    name: /DeepSeek V3\.1/,
    asked: (b) => expect(b.chat_template_kwargs).toEqual({ thinking: true }),
    notAsked: (b) => expect(b.chat_template_kwargs).toEqual({ thinking: false }),
  },
  {
    provider: 'nanogpt',
    model: 'deepseek/deepseek-v3.2',
    name: /DeepSeek V3\.2/,
    asked: (b) => expect(b.model).toBe('deepseek/deepseek-v3.2:thinking'),
    notAsked: (b) => expect(b.model).toBe('deepseek/deepseek-v3.2'),
  },
  {
    provider: 'llmbase',
    model: 'deepseek/deepseek-v4-flash',
    name: /DeepSeek V4 Flash/,
    effort: 'high',
    asked: (b) => {
      expect(b.reasoning_effort).toBe('high');
      expect(b.chat_template_kwargs).toBeUndefined();
    },
    notAsked: (b) => expect(b.reasoning_effort).toBeUndefined(),
  },
];

for (const c of CASES) {
  test(`${c.provider}: thinking streams live, folds when the answer starts, survives a reload, and is never sent back`, async ({ page, app, emulator }) => {
    await useBuiltIns(page, emulator, [c.provider]);
    await newConversationOn(page, app, c.provider, c.model, c.name);

    // Off by default for this model: the switch is there, not pressed.
    await expect(thinkingSwitch(page)).toHaveAttribute('aria-pressed', 'false');
    await thinkingSwitch(page).click();
    await expect(thinkingSwitch(page)).toHaveAttribute('aria-pressed', 'true');
    if (c.effort) {
      const effort = composer(page).getByLabel('Thinking effort');
      await expect(effort).toHaveValue('medium');
      await effort.selectOption(c.effort);
      await expect(effort).toHaveValue(c.effort);
    }

    // A slow reply: reasoning first (about 3 s), then the answer (about 2.5 s).
    emulator.script(c.provider, [{ kind: 'reply', reasoning: REASONING, text: ANSWER, chunkSize: 2, tokensPerSecond: 20 }]);
    await send(page, 'What is six times seven?');
    const reply = assistant(page).nth(0);
    const toggle = reply.getByRole('button', { name: 'Thinking', exact: true });
    const body = reply.getByRole('region', { name: 'Thinking' });
    // Open and streaming while the model thinks: part of the reasoning, none of the answer yet
    // (one atomic look at the row, so the check cannot straddle the moment the answer starts).
    await expect.poll(async () => {
      const s = await snapshot(page, 0);
      return s.expanded === 'true' && s.busy === 'true' && s.thinking !== null && s.thinking.length > 0 && s.thinking.length < REASONING.length && s.answer === '';
    }, { intervals: [50] }).toBe(true);
    // The answer starts: the block folds by itself while the answer still streams.
    await expect.poll(async () => {
      const s = await snapshot(page, 0);
      return s.answer.length > 0 && s.answer.length < ANSWER.length && s.busy === 'true' && s.expanded === 'false' && s.thinking === null;
    }, { intervals: [50] }).toBe(true);
    await settled(page, 0);
    await expect(reply).toContainText(ANSWER);
    // The reasoning never leaks into the answer text.
    expect(await reply.locator('.markdown').innerText()).not.toContain('recall');

    // The request asked for thinking the provider's way.
    c.asked(lastChatRequest(emulator, c.provider));

    // Opened by the user: the whole reasoning, how long it thought and the reasoning tokens.
    await toggle.click();
    await expect(body).toHaveText(REASONING);
    await expect(reply.locator('.thinking-stats')).toContainText(/\d+(\.\d)? s|\d+ ms/);
    await expect(reply.locator('.thinking-stats')).toContainText(`${Math.ceil(REASONING.length / 4)} tokens`);
    await expect(reply.getByRole('button', { name: 'Copy thinking' })).toBeVisible();

    // The next request carries the answer as history but not the reasoning.
    await send(page, 'And six times eight?');
    await settled(page, 1);
    const next = lastChatRequest(emulator, c.provider);
    c.asked(next);
    const history = JSON.stringify(next.messages);
    expect(history).toContain('The answer is forty-two');
    expect(history).not.toContain('weigh two readings');
    expect(JSON.stringify(next)).not.toMatch(/reasoning_content|"reasoning"\s*:\s*"/);
    // The emulator's own default reasoning (made only when thinking was asked for properly) streamed too.
    await expect(assistant(page).nth(1).getByRole('button', { name: 'Thinking', exact: true })).toBeVisible();

    // Thinking off: asked not to think, and no Thinking block.
    await thinkingSwitch(page).click();
    await expect(thinkingSwitch(page)).toHaveAttribute('aria-pressed', 'false');
    await send(page, 'Thanks');
    await settled(page, 2);
    c.notAsked(lastChatRequest(emulator, c.provider));
    await expect(assistant(page).nth(2)).toContainText('Echo: Thanks');
    await expect(assistant(page).nth(2).getByRole('button', { name: 'Thinking', exact: true })).toHaveCount(0);
    expect(chatRequests(emulator, c.provider)).toHaveLength(3);

    // Reload: the reasoning and the answer are both there, folded, and the setting is kept.
    await page.reload();
    const again = assistant(page).nth(0);
    await expect(again).toContainText(ANSWER);
    const againToggle = again.getByRole('button', { name: 'Thinking', exact: true });
    await expect(againToggle).toHaveAttribute('aria-expanded', 'false');
    await againToggle.click();
    await expect(again.getByRole('region', { name: 'Thinking' })).toHaveText(REASONING);
    await expect(again.locator('.thinking-stats')).toContainText(`${Math.ceil(REASONING.length / 4)} tokens`);
    await expect(thinkingSwitch(page)).toHaveAttribute('aria-pressed', 'false');
  });
}

test('inline <think> tags (split across chunks) go to the Thinking block, never the answer; GLM is asked with enable_thinking', async ({ page, app, emulator }) => {
  await useBuiltIns(page, emulator, ['near']);
  await newConversationOn(page, app, 'near', 'zai-org/GLM-4.7', /GLM 4\.7/);
  await thinkingSwitch(page).click();
  await expect(thinkingSwitch(page)).toHaveAttribute('aria-pressed', 'true');
  // chunkSize 3 cuts "<think>" and "</think>" mid-tag.
  emulator.script('near', [{ kind: 'reply', reasoning: REASONING, reasoningField: 'think-tags', text: ANSWER, chunkSize: 3, tokensPerSecond: 20 }]);
  await send(page, 'Think in tags');
  const reply = assistant(page).nth(0);
  // Streams into the Thinking block, the tags nowhere.
  await expect.poll(async () => {
    const s = await snapshot(page, 0);
    return s.thinking !== null && s.thinking.includes('First I recall') && !s.thinking.includes('<') && s.answer === '';
  }, { intervals: [50] }).toBe(true);
  await settled(page, 0);
  await expect(reply.getByRole('button', { name: 'Thinking', exact: true })).toHaveAttribute('aria-expanded', 'false');
  const answer = await reply.locator('.markdown').innerText();
  expect(answer).toContain('The answer is forty-two');
  expect(answer).not.toMatch(/think>|recall/);
  expect(lastChatRequest(emulator, 'near').chat_template_kwargs).toEqual({ enable_thinking: true });

  await page.reload();
  const again = assistant(page).nth(0);
  await again.getByRole('button', { name: 'Thinking', exact: true }).click();
  await expect(again.getByRole('region', { name: 'Thinking' })).toHaveText(REASONING);
  expect(await again.locator('.markdown').innerText()).not.toContain('<think>');
});

test('reasoning_details text is read as thinking; a model that reasons with no switch says so; one that does not reason shows no switch', async ({ page, app, emulator }) => {
  await useBuiltIns(page, emulator, ['llmbase', 'near']);
  await newConversationOn(page, app, 'llmbase', 'qwen/qwen3.5-35b-a3b', /Qwen3\.5 35B/);
  await thinkingSwitch(page).click();
  await expect(thinkingSwitch(page)).toHaveAttribute('aria-pressed', 'true');
  emulator.script('llmbase', [{ kind: 'reply', reasoning: REASONING, reasoningField: 'reasoning_details', text: ANSWER, tokensPerSecond: 0 }]);
  await send(page, 'Details please');
  const reply = await settled(page, 0);
  await reply.getByRole('button', { name: 'Thinking', exact: true }).click();
  await expect(reply.getByRole('region', { name: 'Thinking' })).toHaveText(REASONING);
  await expect(reply.locator('.markdown')).toContainText(ANSWER);
  // Copyable: the reasoning, exactly, on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await reply.getByRole('button', { name: 'Copy thinking' }).click();
  await expect(reply.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(REASONING);
  expect(lastChatRequest(emulator, 'llmbase').reasoning_effort).toBe('medium');

  // LLMBase only gets reasoning_effort where the model advertises it.
  await newConversationOn(page, app, 'llmbase', 'minimax/minimax-m2.5', /MiniMax M2\.5/);
  await expect(thinkingSwitch(page)).toHaveCount(0);
  await send(page, 'No thinking here');
  await settled(page, 0);
  const plain = lastChatRequest(emulator, 'llmbase');
  expect(plain.reasoning_effort).toBeUndefined();
  expect(plain.chat_template_kwargs).toBeUndefined();

  // Claude on NEAR reasons by itself: no switch, a quiet note.
  await newConversationOn(page, app, 'near', 'anthropic/claude-opus-4-6', /Claude Opus 4\.6/);
  await expect(thinkingSwitch(page)).toHaveCount(0);
  await expect(composer(page).getByText('Thinks by default')).toBeVisible();
});
