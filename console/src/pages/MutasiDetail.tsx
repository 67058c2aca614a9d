/** One transfer: what, who, why; its timeline (who did what, when and why); and the steps
 * the signed-in role may take now, each confirmed, each refusal shown as the API gives it. */
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Space, Switch, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { mutation } from "../api/client";
import { ApiError, unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { useSession } from "../auth/session";
import { ActionButton } from "../components/ActionButton";
import { AsyncView } from "../components/AsyncView";
import { StatusTag } from "../components/StatusTag";
import { formatDate, formatDateTime, statusLabel, t } from "../i18n";
import { actionsFor } from "../roles";
import type { components } from "../api/generated/mutation";

type DocumentCode = components["schemas"]["DocumentItem"]["code"];

export const DOCUMENTS = Object.keys(t.actions.documentNames) as DocumentCode[];

const required = [{ required: true, message: t.actions.required }];

type Transfer = components["schemas"]["MutationView"];
type Step = components["schemas"]["TimelineStep"];

/** One guard that failed on the TMT, as `MutationHeld` records it. */
export interface HoldReason {
  rule: string;
  message: string;
  legal_basis?: string | null;
}

/** The transfer, read once its read model holds `minVersion` (the version a step just
 * written answered with: the API waits for it, `?min_version=`). Should the read model
 * not catch up in the API's few seconds (503), what it has is shown rather than nothing. */
export async function loadTransfer(mutationId: string, minVersion = 0): Promise<Transfer> {
  const read = (min?: number) =>
    unwrap(mutation.GET("/mutations/{mutation_id}", {
      params: { path: { mutation_id: mutationId }, query: min ? { min_version: min } : {} },
    }));
  if (minVersion <= 0) return read();
  try {
    return await read(minVersion);
  } catch (e) {
    if (e instanceof ApiError && e.status === 503) return read();
    throw e;
  }
}

/** The version a step's answer carries, if it is a `CommandResult`. */
export function versionOf(result: unknown): number {
  return typeof result === "object" && result && "version" in result ? Number((result as { version: number }).version) : 0;
}

/** The latest step of `kind` in the transfer's timeline. */
export function lastStep(m: Transfer, kind: string): Step | undefined {
  return [...(m.timeline ?? [])].reverse().find((s) => s.step === kind);
}

/** The last day to object, as the socialisation published it on the transfer. */
export function objectionDeadline(m: Transfer): string | null {
  const d = lastStep(m, "SOCIALIZED")?.details?.objection_deadline;
  return typeof d === "string" ? d : null;
}

/** Whether the TPK's sidang recommended the transfer (null before any sidang). */
export function recommendation(m: Transfer): boolean | null {
  const r = lastStep(m, "REVIEWED")?.details?.recommended;
  return typeof r === "boolean" ? r : null;
}

/** Why a held transfer is held, and since when. */
export function holdOf(m: Transfer): { on: string | null; reasons: HoldReason[] } | null {
  if (m.status !== "HELD") return null;
  const details = lastStep(m, "HELD")?.details ?? {};
  const reasons = Array.isArray(details.reasons) ? (details.reasons as HoldReason[]) : [];
  return { on: typeof details.held_on === "string" ? details.held_on : null, reasons };
}

/** What a step of the timeline recorded beyond its reason: the sidang's members and berita
 * acara, the published deadline, the decree and a cancelling decree. */
export function stepFacts(s: Step): string[] {
  const d = s.details ?? {};
  const f = t.mutasi.facts;
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  const out: string[] = [];
  if (s.step === "REVIEWED") {
    const members = Array.isArray(d.members_present) ? (d.members_present as string[]).join(", ") : "—";
    out.push(f.sidang(members, str(d.berita_acara_ref) ?? "—"));
    if (typeof d.recommended === "boolean") out.push(f.recommended(d.recommended));
  }
  if (str(d.fit_override)) out.push(f.fitOverride(str(d.fit_override)!));
  if (s.step === "SOCIALIZED" && str(d.objection_deadline)) out.push(f.deadline(formatDate(str(d.objection_deadline))));
  if (s.step === "DECREED" && str(d.sk_number)) {
    out.push(f.decree(str(d.sk_number)!, formatDate(str(d.sk_date)), formatDate(str(d.tmt))));
    if (str(d.retroactive_reason)) out.push(f.retroactive(str(d.retroactive_reason)!));
  }
  if (str(d.cancelling_sk_number)) out.push(f.cancellingDecree(str(d.cancelling_sk_number)!, formatDate(str(d.cancelling_sk_date))));
  return out;
}

export function Held({ m }: { m: Transfer }) {
  const hold = holdOf(m);
  if (!hold) return null;
  return (
    <Alert
      type="warning"
      showIcon
      message={t.held.title}
      description={
        <div>
          {hold.on && <div>{t.held.since(formatDate(hold.on))}</div>}
          <ul className="violations">
            {hold.reasons.map((r) => (
              <li key={r.rule}>
                {r.message} (<code>{r.rule}</code>)
                {r.legal_basis && <div><small>{`${t.held.basis}: ${r.legal_basis}`}</small></div>}
              </li>
            ))}
          </ul>
          <div>{t.held.next}</div>
        </div>
      }
    />
  );
}

export function MutasiDetail() {
  const { mutationId = "" } = useParams();
  // A page opened right after proposing carries the version the proposal answered with.
  const arrived = (useLocation().state as { minVersion?: number } | null)?.minVersion ?? 0;
  const [minVersion, setMinVersion] = useState(arrived);
  const view = useLoad(() => loadTransfer(mutationId, minVersion), [mutationId, minVersion], true);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Link to="/mutasi">← {t.common.back}</Link>
      <AsyncView state={view}>
        {(m) => (
          <>
            <Typography.Title level={1}>
              {t.mutasi.detailTitle(m.mutation_id)} <StatusTag status={m.status} />
            </Typography.Title>
            <Held m={m} />
            <Card title={<h2 className="card-title">{t.mutasi.actions}</h2>}>
              <Actions m={m} onDone={(r) => setMinVersion(versionOf(r) || m.version + 1)} />
            </Card>
            <Card>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                <Descriptions.Item label={t.mutasi.nip}>{m.nip}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.kind}>{t.kinds[m.kind] ?? m.kind}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.from}>{`${m.from_position_id} · ${m.from_unit_id}`}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.to}>{`${m.to_position_id} · ${m.to_unit_id}`}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.reason}>{m.reason}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.proposedBy}>{m.proposed_by}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.sk}>
                  {m.decree_id ? <Link to={`/keputusan/${m.decree_id}`}>{m.sk_number ?? m.decree_id}</Link> : m.sk_number ?? "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t.mutasi.skDate}>{formatDate(m.sk_date)}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.tmt}>{formatDate(m.tmt)}</Descriptions.Item>
                {objectionDeadline(m) && (
                  <Descriptions.Item label={t.mutasi.objectionDeadline}>{formatDate(objectionDeadline(m))}</Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card title={<h2 className="card-title">{t.mutasi.timeline}</h2>}>
              <Timeline
                items={(m.timeline ?? []).map((s) => ({
                  children: (
                    <div>
                      <strong>{statusLabel(s.step)}</strong> · {formatDateTime(s.at)} · {t.mutasi.actor} {s.actor}
                      {s.reason && <div>{s.reason}</div>}
                      {stepFacts(s).map((line) => <div key={line}><small>{line}</small></div>)}
                    </div>
                  ),
                }))}
              />
            </Card>
          </>
        )}
      </AsyncView>
    </Space>
  );
}

const lines = (text: string | undefined) =>
  (text ?? "").split(/[\n,]+/).map((x) => x.trim()).filter(Boolean);

export function Actions({ m, onDone }: { m: Transfer; onDone: (result: unknown) => void }) {
  const { claims } = useSession();
  const navigate = useNavigate();
  const path = { params: { path: { mutation_id: m.mutation_id } } };
  const actions = actionsFor(claims?.roles ?? [], m.status);
  if (actions.length === 0) return <Typography.Text>{t.mutasi.noActions}</Typography.Text>;
  const a = t.actions;
  const against = recommendation(m) === false;
  const decreed = m.status === "DECREED" || m.status === "HELD";
  const day = (d: dayjs.Dayjs | undefined) => (d ? d.format("YYYY-MM-DD") : null);
  const buttons: Record<string, JSX.Element> = {
    documents: (
      <ActionButton key="documents" label={a.documents} onDone={onDone}
        initialValues={{ present: DOCUMENTS }}
        fields={<Form.Item name="present" label={t.mutasi.documents}>
          <Checkbox.Group options={DOCUMENTS.map((c) => ({ value: c, label: a.documentNames[c] }))} className="checklist" />
        </Form.Item>}
        run={(v: { present: string[] }) => unwrap(mutation.POST("/mutations/{mutation_id}/documents", {
          ...path, body: { items: DOCUMENTS.map((code) => ({ code, present: v.present.includes(code) })) },
        }))} />
    ),
    review: (
      <ActionButton key="review" label={a.review} primary onDone={onDone} initialValues={{ recommended: true, notes: "" }}
        fields={<>
          <Typography.Paragraph>{a.quorumHint(3)}</Typography.Paragraph>
          <Form.Item name="members" label={a.membersPresent} rules={required}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="berita_acara_ref" label={a.beritaAcara} rules={required}><Input /></Form.Item>
          <Form.Item name="recommended" label={a.recommended} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="notes" label={a.notes}><Input.TextArea rows={2} /></Form.Item>
        </>}
        run={(v: { members: string; berita_acara_ref: string; recommended: boolean; notes: string }) =>
          unwrap(mutation.POST("/mutations/{mutation_id}/review", {
            ...path,
            body: { members_present: lines(v.members), berita_acara_ref: v.berita_acara_ref, recommended: v.recommended, notes: v.notes ?? "" },
          }))} />
    ),
    approve: (
      <ActionButton key="approve" label={a.approve} primary onDone={onDone} initialValues={{ fit: false }}
        fields={<>
          {against && <Alert type="warning" showIcon message={a.tpkAgainst} />}
          <Form.Item name="reasons" label={a.reasons} rules={against ? required : []}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="fit" label={a.fitOverride} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item noStyle shouldUpdate={(x: { fit?: boolean }, y: { fit?: boolean }) => x.fit !== y.fit}>
            {({ getFieldValue }) =>
              getFieldValue("fit") ? (
                <Form.Item name="fit_override" label={a.fitOverrideReasons} rules={required}><Input.TextArea rows={2} /></Form.Item>
              ) : null
            }
          </Form.Item>
        </>}
        run={(v: { reasons?: string; fit: boolean; fit_override?: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/approve", {
          ...path, body: { reasons: v.reasons ?? "", fit_override: v.fit ? v.fit_override : null },
        }))} />
    ),
    reject: (
      <ActionButton key="reject" label={a.reject} danger onDone={onDone}
        fields={<Form.Item name="reasons" label={a.reasons} rules={required}><Input.TextArea rows={2} /></Form.Item>}
        run={(v: { reasons: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/reject", { ...path, body: v }))} />
    ),
    socialize: (
      <ActionButton key="socialize" label={a.socialize} primary onDone={onDone}
        fields={<Form.Item name="message" label={a.message} rules={required}><Input.TextArea rows={3} /></Form.Item>}
        run={(v: { message: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/socialize", { ...path, body: v }))} />
    ),
    // A decree is issued on the Keputusan page (one SK, its lampiran, its PDF), this
    // transfer already chosen; other ready transfers may join it there.
    decree: (
      <Button key="decree" type="primary" onClick={() => navigate(`/keputusan/baru?mutasi=${encodeURIComponent(m.mutation_id)}`)}>
        {a.decree}
      </Button>
    ),
    acknowledge: (
      <ActionButton key="acknowledge" label={a.acknowledge} primary onDone={onDone}
        run={() => unwrap(mutation.POST("/mutations/{mutation_id}/acknowledge", path))} />
    ),
    object: (
      <ActionButton key="object" label={a.object} danger onDone={onDone}
        fields={<Form.Item name="reason" label={a.objectReason} rules={required}><Input.TextArea rows={3} /></Form.Item>}
        run={(v: { reason: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/object", { ...path, body: v }))} />
    ),
    resolve: (
      <ActionButton key="resolve" label={a.resolve} onDone={onDone} initialValues={{ upheld: false }}
        fields={<>
          <Form.Item name="upheld" label={a.upheld} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="reasons" label={a.reasons} rules={required}><Input.TextArea rows={2} /></Form.Item>
        </>}
        run={(v: { upheld: boolean; reasons: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/objection/resolve", { ...path, body: v }))} />
    ),
    release: (
      <ActionButton key="release" label={a.release} primary onDone={onDone}
        fields={<Form.Item name="reason" label={a.releaseReason} rules={required}><Input.TextArea rows={2} /></Form.Item>}
        run={(v: { reason: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/release", { ...path, body: v }))} />
    ),
    cancel: (
      <ActionButton key="cancel" label={a.cancel} danger onDone={onDone}
        fields={<>
          {decreed && <Typography.Paragraph>{a.cancelDecreedHint}</Typography.Paragraph>}
          <Form.Item name="reason" label={a.reasons} rules={required}><Input.TextArea rows={2} /></Form.Item>
          {decreed && (
            <>
              <Form.Item name="cancelling_sk_number" label={a.cancellingSkNumber} rules={required}><Input /></Form.Item>
              <Form.Item name="cancelling_sk_date" label={a.cancellingSkDate} rules={required}><DatePicker format="DD-MM-YYYY" /></Form.Item>
            </>
          )}
        </>}
        run={(v: { reason: string; cancelling_sk_number?: string; cancelling_sk_date?: dayjs.Dayjs }) =>
          unwrap(mutation.POST("/mutations/{mutation_id}/cancel", {
            ...path,
            body: { reason: v.reason, cancelling_sk_number: v.cancelling_sk_number ?? null, cancelling_sk_date: day(v.cancelling_sk_date) },
          }))} />
    ),
  };
  return <Space wrap>{actions.map((x) => buttons[x])}</Space>;
}
