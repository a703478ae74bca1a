// Issue 9 through the UI: NEAR AI Cloud (built-in, pointed at the emulator) with a Private
// model. A reply shows "Verified"; each tampering the emulator can do shows "Verification
// failed" with the right reason (or "Not verifiable" for a missing signature); the details
// panel shows the hashes side by side and what was not checked; Verify and the setting work.
import type { Page } from '@playwright/test';
import type { Emulator, TeeTamper } from '../emulator';
import { assistant, clickToOpen, expect, send, test } from '../support/fixtures';

const NEAR = 'NEAR AI Cloud';
const PRIVATE_MODEL = 'deepseek-ai/DeepSeek-V3.1';
const PRIVATE_NAME = 'DeepSeek V3.1';

/** NEAR's card in Settings: base URL → the emulator, then the key, as a user does. */
async function useNear(page: Page, emulator: Emulator) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const card = settings.getByRole('listitem', { name: NEAR });
  await card.getByRole('button', { name: `Edit ${NEAR} base URL` }).click();
  await card.getByLabel(`${NEAR} base URL`).fill(emulator.bases.near);
  await card.getByRole('button', { name: 'Save URL' }).click();
  await expect(card.getByText(emulator.bases.near)).toBeVisible();
  await card.getByLabel(`${NEAR} key`).fill(emulator.keys.near);
  await card.getByRole('button', { name: 'Set key' }).click();
  await expect(card.getByText('Key saved in the system keychain')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
}

/** A new conversation on a NEAR model, chosen in the model picker by its name. */
async function conversationOn(page: Page, name: string) {
  await page.getByRole('button', { name: 'New conversation', exact: true }).click();
  await page.getByRole('button', { name: /^Model: / }).click();
  const picker = page.getByRole('dialog', { name: 'Choose a model' });
  await picker.getByRole('searchbox', { name: 'Search models' }).fill(name);
  await picker.getByRole('option', { name: new RegExp(name) }).first().dblclick();
  await expect(picker).toBeHidden();
  await expect(page.getByRole('button', { name: /^Model: / })).toContainText(name);
}

const privateConversation = (page: Page) => conversationOn(page, PRIVATE_NAME);

async function ask(page: Page, text: string) {
  await send(page, text);
  const reply = assistant(page).last();
  await expect(reply).toContainText(`Echo: ${text}`);
  await expect(reply).toHaveAttribute('aria-busy', 'false');
  return reply;
}

async function setUp(page: Page, emulator: Emulator, tamper: TeeTamper = {}) {
  await useNear(page, emulator);
  await privateConversation(page);
  emulator.tee.tamper(tamper);
}

test('a Private reply is Verified; the details show the evidence', async ({ page, emulator }) => {
  await setUp(page, emulator);
  const reply = await ask(page, 'Is this private?');
  const badge = reply.getByRole('button', { name: 'Verified' });
  await expect(badge).toBeVisible({ timeout: 15_000 });

  const details = page.getByRole('dialog', { name: 'Verification details' });
  await clickToOpen(badge, details);
  // Both hashes, signed and computed here, side by side and equal.
  const hashes = details.getByRole('table');
  for (const label of ['Request', 'Response']) {
    const cells = hashes.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell');
    await expect(cells).toHaveCount(2);
    const [signed, computed] = await cells.allInnerTexts();
    expect(signed).toMatch(/^[0-9a-f]{64}$/);
    expect(computed).toBe(signed);
  }
  const { model } = emulator.tee.addresses();
  await expect(details.getByText(`${PRIVATE_MODEL}:`)).toBeVisible();
  await expect(details.getByRole('definition').filter({ hasText: model.toLowerCase() }).first()).toBeVisible();
  await expect(details.getByText('provider_tee')).toBeVisible();
  await expect(details.getByText(/The Intel TDX quote and NVIDIA GPU evidence were not checked locally/)).toBeVisible();
  // The report answered our nonce, and report_data binds the signer and that nonce.
  const nonce = (await details.getByRole('term').filter({ hasText: 'Our nonce' }).locator('+ dd').innerText()).trim();
  expect(nonce).toMatch(/^[0-9a-f]{64}$/);
  await expect(details.getByRole('term').filter({ hasText: 'Report nonce' }).locator('+ dd')).toContainText(nonce);
  await expect(details.getByRole('term').filter({ hasText: /^Expected$/ }).locator('+ dd')).toContainText(`${model.slice(2).toLowerCase().padEnd(64, '0')}${nonce}`);
  await details.getByRole('button', { name: 'Done' }).click();
  await expect(details).toBeHidden();
});

const failures: { name: string; tamper: TeeTamper; label: 'Verification failed' | 'Not verifiable'; reason: RegExp }[] = [
  { name: 'a tampered response byte', tamper: { responseByte: true }, label: 'Verification failed', reason: /response bytes do not match the signed hash/ },
  { name: 'a tampered request', tamper: { requestBody: true }, label: 'Verification failed', reason: /request bytes do not match the signed hash/ },
  { name: 'a signer not in the report', tamper: { foreignKey: true }, label: 'Verification failed', reason: /signer is not among the attested keys/ },
  { name: 'a stale nonce', tamper: { staleNonce: true }, label: 'Verification failed', reason: /not bound to our nonce/ },
  { name: 'no signature (404)', tamper: { signatureNotFound: true }, label: 'Not verifiable', reason: /no signature for this reply/ },
];

for (const f of failures) {
  test(`${f.name}: ${f.label}`, async ({ page, emulator }) => {
    await setUp(page, emulator, f.tamper);
    const reply = await ask(page, `Check ${f.name}`);
    // "Verifying…" until the result arrives (the 404 is retried for a few seconds first).
    if (f.tamper.signatureNotFound) await expect(reply.getByRole('status').filter({ hasText: 'Verifying…' })).toBeVisible();
    const badge = reply.getByRole('button', { name: f.label });
    await expect(badge).toBeVisible({ timeout: 20_000 });
    await expect(reply.getByText('Verifying…')).toHaveCount(0);
    await expect(reply.getByText(f.reason)).toBeVisible();
    await expect(reply.getByRole('button', { name: 'Verified' })).toHaveCount(0);

    const details = page.getByRole('dialog', { name: 'Verification details' });
    await clickToOpen(badge, details);
    await expect(details.getByText(f.reason).first()).toBeVisible();
    await expect(details.getByText(/were not checked locally/)).toBeVisible();
    if (f.tamper.responseByte || f.tamper.requestBody) {
      const row = details.getByRole('table').getByRole('row', { name: new RegExp(`^${f.tamper.responseByte ? 'Response' : 'Request'}`) });
      await expect(row).toContainText('differs');
      const [signed, computed] = await row.getByRole('cell').allInnerTexts();
      expect(signed).toMatch(/^[0-9a-f]{64}$/);
      expect(computed).toMatch(/^[0-9a-f]{64}$/);
      expect(signed).not.toBe(computed);
    }
    if (f.tamper.foreignKey) {
      await expect(details.getByRole('definition').filter({ hasText: emulator.tee.addresses().foreign.toLowerCase() }).first()).toBeVisible();
    }

    // Once the provider behaves again, Verify re-checks the same reply.
    if (!f.tamper.responseByte && !f.tamper.requestBody && !f.tamper.foreignKey) {
      emulator.tee.tamper({});
      const shown = await details.elementHandle();
      await details.getByRole('button', { name: 'Verify' }).click();
      await expect(details.getByText('Verified', { exact: true })).toBeVisible({ timeout: 15_000 });
      // The same dialog stayed open through the check (it used to close and open again).
      expect(await shown!.evaluate((d) => d.isConnected && (d as HTMLDialogElement).open)).toBe(true);
      await details.getByRole('button', { name: 'Done' }).click();
      await expect(reply.getByRole('button', { name: 'Verified' })).toBeVisible();
    }
  });
}

test('automatic verification off: a Verify button checks on request', async ({ page, emulator }) => {
  await useNear(page, emulator);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const auto = settings.getByRole('switch', { name: 'Verify Private replies automatically' });
  await expect(auto).toBeChecked();
  await auto.uncheck();
  await expect(auto).not.toBeChecked();
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(settings.getByRole('switch', { name: 'Verify Private replies automatically' })).not.toBeChecked();
  await page.keyboard.press('Escape');

  await privateConversation(page);
  const reply = await ask(page, 'Verify me later');
  const verify = reply.getByRole('button', { name: 'Verify', exact: true });
  await expect(verify).toBeVisible();
  expect(emulator.requests.filter((r) => r.path.includes('/signature/'))).toHaveLength(0);
  // Under a reply that just finished, as elsewhere (clickToOpen): once taken, the click shows "Verifying…" at once.
  await clickToOpen(verify, reply.getByRole('status').filter({ hasText: 'Verifying…' }).or(reply.getByRole('button', { name: 'Verified' })));
  await expect(reply.getByRole('button', { name: 'Verified' })).toBeVisible({ timeout: 15_000 });
  expect(emulator.requests.filter((r) => r.path.includes('/signature/')).length).toBeGreaterThan(0);
  // The result is stored: still there after a reload.
  await page.reload();
  await expect(assistant(page).last().getByRole('button', { name: 'Verified' })).toBeVisible();
});

test('replies from a non-private model get no badge', async ({ page, emulator }) => {
  await useNear(page, emulator);
  // An "external" model on NEAR: not run in a TEE, so nothing is signed.
  await conversationOn(page, 'Claude Sonnet 4.5');
  const reply = await ask(page, 'Nothing to verify');
  await expect(reply.locator('.message-meta')).toBeVisible();
  await expect(reply.getByRole('button', { name: /^(Verify|Verified|Verification failed|Not verifiable)$/ })).toHaveCount(0);
  await expect(reply.getByText('Verifying…')).toHaveCount(0);
});
