// The end-to-end story in a real Chromium, clicked through by each role in turn against the
// four services behind the console's one origin. Run by tests/e2e/test_console_story.py,
// which starts the services and the console server and passes what it seeded:
//
//   BASE_URL  EMPLOYEE_NIP  EVALUATOR_NIP  EVALUATOR_UNIT  TARGET_UNIT  TPK_MEMBERS
//   OBJECTION_DEADLINE  TIMEZONE  OUT_DIR  [CHROMIUM]
//
// TIMEZONE is the province's: the browser's "today" (the decree form's SK date and TMT) is
// then the services' today. OBJECTION_DEADLINE (YYYY-MM-DD) is what the socialisation must
// publish and the employee must be shown. TPK_MEMBERS: the two other members of the sidang.
//
// Every step leaves a screenshot in OUT_DIR and is checked with axe-core; a serious or
// critical finding fails the story. Prints one JSON line with what happened.
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const BASE = env("BASE_URL");
const EMPLOYEE = env("EMPLOYEE_NIP");
const EVALUATOR = env("EVALUATOR_NIP");
const EVALUATOR_UNIT = env("EVALUATOR_UNIT");
const TARGET_UNIT = env("TARGET_UNIT");
const OUT = env("OUT_DIR");
const TPK_OTHERS = env("TPK_MEMBERS").split(",");
const DEADLINE = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric" }).format(
  new Date(`${env("OBJECTION_DEADLINE")}T00:00:00`),
);
const TIMEZONE = env("TIMEZONE");
const STEP_TIMEOUT = 30_000;

const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const report = { steps: [], accessibility: [], mutation_id: null };
let step = 0;

async function check(page, name) {
  step += 1;
  const file = `${OUT}/${String(step).padStart(2, "0")}-${name}.png`;
  // Check the page at rest: a toast or a modal still fading in or out has colours between its
  // own and the background's, which axe would measure mid-transition (a finding that comes
  // and goes). Wait for every finite animation and transition to finish (spinners loop on).
  await page.evaluate(async () => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity);
      if (!running.length || Date.now() > deadline) return;
      await Promise.race([
        Promise.all(running.map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 250)),
      ]);
    }
  });
  await page.screenshot({ path: file, fullPage: true });
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const blocking = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  report.steps.push({ step: name, screenshot: file, url: page.url() });
  report.accessibility.push({ step: name, findings: result });
  if (blocking.length) throw new Error(`axe: serious/critical findings on ${name}: ${JSON.stringify(blocking, null, 1)}`);
}

/** Click `menu` until `ready` shows: read models follow the events a moment later. */
async function reopenUntil(page, menu, ready, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.getByRole("menuitem", { name: menu }).click();
    try {
      await ready.first().waitFor({ timeout: 2_000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}

/** Pick `option` in the Ant Design select labelled `label`, as a person does by keyboard. */
async function choose(page, label, option) {
  const box = page.getByRole("combobox", { name: label });
  await box.focus();
  await page.keyboard.press("Enter");
  const item = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option });
  await item.first().click();
}

async function signIn(browser, { role, user, nip, units, phone }) {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "id-ID", timezoneId: TIMEZONE }
      : { viewport: { width: 1366, height: 900 }, locale: "id-ID", timezoneId: TIMEZONE },
  );
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on("pageerror", (e) => console.error(`[browser] ${e.message}`));
  await page.goto(`${BASE}/masuk`);
  await page.getByRole("heading", { name: "Masuk ke Rangkui Mutasi" }).waitFor();
  await choose(page, "Peran", role);
  if (nip) {
    await page.getByLabel("NIP (18 digit)").fill(nip);
  } else if (user) {
    await choose(page, "Pengguna", user);
  }
  if (units) await page.getByLabel(/Unit yang dipimpin/).fill(units);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("button", { name: "Keluar" }).waitFor();
  return { page, context };
}

async function confirmModal(page, fill) {
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole("button", { name: "Konfirmasi" }).click();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
try {
  await mkdir(OUT, { recursive: true });

  // 1. The operator finds the mathematics-teacher shortage, proposes the top candidate and
  //    checks the file's documents.
  {
    const { page, context } = await signIn(browser, { role: "Operator BKD", user: "operator.bkd" });
    await page.getByRole("menuitem", { name: "Kebutuhan" }).click();
    await page.getByLabel("Jabatan (mis. Matematika)").fill("Matematika");
    await page.getByRole("button", { name: "Cari" }).click();
    const identify = page.getByRole("button", { name: new RegExp(`Tetapkan kebutuhan: .*${TARGET_UNIT}`) });
    await identify.first().waitFor();
    await check(page, "operator-kebutuhan");
    await identify.first().click();
    await page.getByRole("dialog").getByRole("button", { name: "Tetapkan kebutuhan" }).click();
    const pick = page.getByRole("checkbox", { name: /^Pilih / }).first();
    await pick.waitFor();
    await page.getByText("Tidak memenuhi syarat").waitFor();
    await page.getByRole("heading", { name: /Kebutuhan Guru Matematika/ }).waitFor();
    await check(page, "operator-calon");
    await pick.check();
    await page.getByRole("button", { name: "Usulkan calon terpilih" }).click();
    await confirmModal(page);
    await page.waitForURL(/\/mutasi\/[0-9a-f-]+$/);
    report.mutation_id = page.url().split("/").pop();
    await page.getByText(EMPLOYEE).first().waitFor();
    await page.getByText("Diusulkan").first().waitFor();
    await check(page, "operator-usulan");
    await page.getByRole("button", { name: "Periksa kelengkapan berkas" }).click();
    await confirmModal(page); // every document of the checklist is present
    await page.getByText("Berkas diperiksa").first().waitFor();
    await check(page, "operator-berkas");
    await context.close();
  }

  // Opens this story's file from "Tugas saya" under `queue`.
  const openTask = async (page, queue) => {
    const link = page.locator(".ant-card", { hasText: queue }).getByRole("link", { name: new RegExp(report.mutation_id.slice(0, 8)) });
    await reopenUntil(page, "Tugas saya", link);
    await check(page, `tugas-${queue.split(" ").slice(-1)[0].toLowerCase().replace(/[^a-z]/g, "")}`);
    await link.click();
  };

  // 2. The TPK's sidang. Recorded first with one other member only, it is refused for want
  //    of a quorum (the rule shown); with all three members present it is recorded.
  {
    const { page, context } = await signIn(browser, { role: "Anggota TPK", user: "tpk.anggota" });
    await openTask(page, "Berkas untuk ditinjau");
    await page.getByRole("button", { name: "Tinjau (TPK)" }).click();
    const beritaAcara = `BA/TPK/${report.mutation_id.slice(0, 6)}/2026`;
    await confirmModal(page, async (d) => {
      await d.getByLabel(/Anggota TPK lain yang hadir/).fill(TPK_OTHERS[0]);
      await d.getByLabel("Nomor berita acara sidang").fill(beritaAcara);
      await d.getByLabel("Catatan").fill("Kualifikasi sesuai, sekolah asal kelebihan guru.");
    });
    await page.getByRole("dialog").getByText("tpk_quorum_not_met").waitFor();
    await check(page, "tpk-kuorum-ditolak");
    await confirmModal(page, (d) => d.getByLabel(/Anggota TPK lain yang hadir/).fill(TPK_OTHERS.join("\n")));
    await page.getByText("Ditinjau TPK").first().waitFor();
    await page.getByText(`berita acara ${beritaAcara}`).waitFor(); // the sidang, in the timeline
    await check(page, "tpk-sidang");
    await context.close();
  }

  // 3. The PPK, who did not sit in the sidang, approves as the TPK recommended.
  {
    const { page, context } = await signIn(browser, { role: "PPK (Gubernur)", user: "ppk.gubernur" });
    await openTask(page, "Berkas untuk diputuskan");
    await page.getByRole("button", { name: "Setujui" }).click();
    await confirmModal(page, (d) => d.getByLabel("Pertimbangan").fill("Sesuai rekomendasi TPK dan kebutuhan sekolah."));
    await page.getByText("Disetujui PPK").first().waitFor();
    await check(page, "ppk-setuju");
    await context.close();
  }

  // 4. The operator socialises: the objection window opens, its deadline on the transfer.
  {
    const { page, context } = await signIn(browser, { role: "Operator BKD", user: "operator.bkd" });
    await openTask(page, "Berkas untuk disosialisasikan");
    await page.getByRole("button", { name: "Sosialisasikan" }).click();
    await confirmModal(page, (d) =>
      d.getByLabel("Penjelasan kepada pegawai").fill(`Anda dibutuhkan sebagai guru matematika di ${TARGET_UNIT}.`),
    );
    await page.getByText("Disosialisasikan").first().waitFor();
    await page.locator(".ant-descriptions", { hasText: "Batas waktu keberatan" }).getByText(DEADLINE).waitFor();
    await check(page, "operator-sosialisasi");
    await context.close();
  }

  // 5. The employee, on a phone, reads the notice and the deadline the API published, and
  //    acknowledges (the decree need not wait for the end of the window).
  {
    const { page, context } = await signIn(browser, { role: "Pegawai (ASN)", nip: EMPLOYEE, phone: true });
    await page.getByRole("heading", { name: "Layanan mandiri" }).waitFor();
    // The notice of the socialisation comes through notification's read model.
    await reopenUntil(page, "Layanan mandiri", page.getByText("Belum dibaca"));
    await page.getByText(`Batas waktu keberatan: ${DEADLINE}`).waitFor();
    await check(page, "pegawai-pemberitahuan");
    await page.getByRole("button", { name: "Saya menerima" }).click();
    await confirmModal(page);
    await page.getByText("Diterima pegawai").first().waitFor();
    await check(page, "pegawai-terima");
    await context.close();
  }

  // 6. The decree, on the Keputusan page: one SK for this story's transfer. The operator who
  //    proposed it may not decree it too (segregation of duties): the refusal names the
  //    lampiran's row and the rule. Another BKD officer issues the decree; its page shows the
  //    lampiran, and the SK's PDF is downloaded with the officer's token.
  const skNumber = `800/${report.mutation_id.slice(0, 6)}/BKD/2026`;
  const REMARKS = "Pemenuhan kebutuhan guru matematika";
  const decreeForm = async (page) => {
    const pick = page.getByRole("checkbox", { name: `Pilih berkas ${report.mutation_id.slice(0, 8)}` });
    const deadline = Date.now() + STEP_TIMEOUT;
    for (;;) { // the transfer list follows the acknowledgement a moment later
      await page.getByRole("menuitem", { name: "Keputusan (SK)" }).click();
      await page.getByRole("button", { name: "Terbitkan keputusan" }).click();
      try {
        await pick.waitFor({ timeout: 2_000 });
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
    }
    await pick.check();
    await page.getByLabel(`Keterangan untuk berkas ${report.mutation_id.slice(0, 8)}`).fill(REMARKS);
    await page.getByLabel("Nomor SK", { exact: true }).fill(skNumber);
    await check(page, "keputusan-formulir");
    await page.getByRole("button", { name: "Terbitkan keputusan" }).click();
    await confirmModal(page);
  };
  {
    const { page, context } = await signIn(browser, { role: "Operator BKD", user: "operator.bkd" });
    await decreeForm(page);
    const refusal = page.getByRole("alert").filter({ hasText: "segregation_of_duties" });
    await refusal.waitFor();
    await refusal.getByText(/Baris 1 \(NIP/).first().waitFor();
    await check(page, "keputusan-ditolak");
    await context.close();
  }
  {
    const { page, context } = await signIn(browser, { role: "Operator BKD", user: "kabid.mutasi.bkd" });
    await decreeForm(page);
    await page.getByRole("heading", { name: `Keputusan Nomor ${skNumber}` }).waitFor();
    await page.getByText(REMARKS).first().waitFor(); // the lampiran's KETERANGAN
    await page.locator(".ant-tag", { hasText: "BERLAKU" }).first().waitFor(); // verified: genuine, in force
    await check(page, "keputusan-terbit");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Unduh SK (PDF)" }).click(),
    ]);
    const pdf = await readFile(await download.path());
    if (pdf.subarray(0, 5).toString() !== "%PDF-") throw new Error("the SK download is not a PDF");
    report.decree = { sk_number: skNumber, document_bytes: pdf.length, filename: download.suggestedFilename() };
    report.decree_id = page.url().split("/").pop();
    // The verification page the QR opens, public, in a new tab.
    const [popup] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "Halaman verifikasi keaslian" }).click(),
    ]);
    await popup.getByRole("heading", { name: "Verifikasi Keputusan" }).waitFor();
    await popup.getByText(skNumber).first().waitFor();
    await check(popup, "verifikasi-publik");
    // The register lists it, and the transfer's page links to it.
    await page.getByRole("menuitem", { name: "Keputusan (SK)" }).click();
    await page.getByRole("link", { name: skNumber }).first().waitFor();
    await check(page, "keputusan-daftar");
    await page.getByRole("menuitem", { name: "Mutasi" }).click();
    await page.getByRole("link", { name: new RegExp(report.mutation_id.slice(0, 8)) }).first().click();
    await page.getByText(/SK ditetapkan|Berlaku \(TMT\)/).first().waitFor();
    await page.locator(".ant-descriptions").getByRole("link", { name: skNumber }).waitFor();
    await check(page, "operator-sk");
    await context.close();
  }

  // 6b. The employee, on the phone, downloads their petikan of the decree.
  {
    const { page, context } = await signIn(browser, { role: "Pegawai (ASN)", nip: EMPLOYEE, phone: true });
    const button = page.getByRole("button", { name: "Unduh petikan SK saya" });
    await reopenUntil(page, "Layanan mandiri", button);
    await check(page, "pegawai-petikan");
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const pdf = await readFile(await download.path());
    if (pdf.subarray(0, 5).toString() !== "%PDF-") throw new Error("the petikan download is not a PDF");
    report.petikan = { bytes: pdf.length, filename: download.suggestedFilename() };
    await context.close();
  }

  // 7. Later, the evaluator (head of the new unit) records a checkpoint with the predikat.
  {
    const { page, context } = await signIn(browser, { role: "Penilai (kepala unit)", nip: EVALUATOR, units: EVALUATOR_UNIT });
    await reopenUntil(page, "Pemantauan", page.getByRole("button", { name: `Nilai ${EMPLOYEE}` }), 60_000);
    await check(page, "penilai-daftar");
    await page.getByRole("button", { name: `Nilai ${EMPLOYEE}` }).first().click();
    const form = page.locator(".ant-card", { hasText: "Penilaian checkpoint" });
    await form.locator(".ant-form-item", { hasText: "Hasil kerja" }).getByText("Di atas ekspektasi").click();
    await form.locator(".ant-form-item", { hasText: "Perilaku kerja" }).getByText("Sesuai ekspektasi").click();
    await form.getByTestId("predikat").getByText("Baik").waitFor();
    await form.getByText("Memahami tugas barunya").click();
    await form.getByText("Bekerja sama dengan tim").click();
    await form.getByLabel("Catatan penilai").fill("Cepat menyesuaikan diri dengan kelas XI.");
    await check(page, "penilai-formulir");
    await form.getByRole("button", { name: "Simpan penilaian" }).click();
    await page.getByText("Penilaian tersimpan, predikat Baik.").waitFor();
    await check(page, "penilai-tersimpan");
    await context.close();
  }
  report.ok = true;
} finally {
  await browser.close();
  await writeFile(`${OUT}/report.json`, JSON.stringify(report, null, 2));
}
console.log(JSON.stringify({ ok: report.ok ?? false, mutation_id: report.mutation_id, steps: report.steps.length }));
