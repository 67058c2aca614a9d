/** One transfer: what, who, why; its timeline (who did what, when and why); and the steps
 * the signed-in role may take now, each confirmed, each refusal shown as the API gives it. */
import { Card, Checkbox, DatePicker, Descriptions, Form, Input, Space, Switch, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { mutation } from "../api/client";
import { unwrap } from "../api/problem";
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

/** The transfer once its read model has caught up with `minVersion` (the version a step
 * just written answered with), asking again for a few seconds before showing what it has. */
export async function loadTransfer(mutationId: string, minVersion = 0) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const m = await unwrap(mutation.GET("/mutations/{mutation_id}", { params: { path: { mutation_id: mutationId } } }));
    if (m.version >= minVersion || Date.now() > deadline) return m;
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The version a step's answer carries, if it is a `CommandResult`. */
export function versionOf(result: unknown): number {
  return typeof result === "object" && result && "version" in result ? Number((result as { version: number }).version) : 0;
}

export function MutasiDetail() {
  const { mutationId = "" } = useParams();
  const [minVersion, setMinVersion] = useState(0);
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
            <Card title={<h2 className="card-title">{t.mutasi.actions}</h2>}>
              <Actions mutationId={m.mutation_id} status={m.status} onDone={(r) => setMinVersion(versionOf(r) || m.version + 1)} />
            </Card>
            <Card>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                <Descriptions.Item label={t.mutasi.nip}>{m.nip}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.kind}>{t.kinds[m.kind] ?? m.kind}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.from}>{`${m.from_position_id} · ${m.from_unit_id}`}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.to}>{`${m.to_position_id} · ${m.to_unit_id}`}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.reason}>{m.reason}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.proposedBy}>{m.proposed_by}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.sk}>{m.sk_number ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t.mutasi.tmt}>{formatDate(m.tmt)}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={<h2 className="card-title">{t.mutasi.timeline}</h2>}>
              <Timeline
                items={(m.timeline ?? []).map((s) => ({
                  children: (
                    <div>
                      <strong>{statusLabel(s.step)}</strong> · {formatDateTime(s.at)} · {t.mutasi.actor} {s.actor}
                      {s.reason && <div>{s.reason}</div>}
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

export function Actions({ mutationId, status, onDone }: { mutationId: string; status: string; onDone: (result: unknown) => void }) {
  const { claims } = useSession();
  const path = { params: { path: { mutation_id: mutationId } } };
  const actions = actionsFor(claims?.roles ?? [], status);
  if (actions.length === 0) return <Typography.Text>{t.mutasi.noActions}</Typography.Text>;
  const a = t.actions;
  const today = dayjs();
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
          <Form.Item name="recommended" label={a.recommended} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="notes" label={a.notes}><Input.TextArea rows={2} /></Form.Item>
        </>}
        run={(v: { recommended: boolean; notes: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/review", { ...path, body: v }))} />
    ),
    approve: (
      <ActionButton key="approve" label={a.approve} primary onDone={onDone}
        fields={<Form.Item name="reasons" label={a.reasons} rules={required}><Input.TextArea rows={2} /></Form.Item>}
        run={(v: { reasons: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/approve", { ...path, body: v }))} />
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
    decree: (
      <ActionButton key="decree" label={a.decree} primary onDone={onDone}
        initialValues={{ sk_date: today, tmt: today }}
        fields={<>
          <Form.Item name="sk_number" label={a.skNumber} rules={required}><Input /></Form.Item>
          <Form.Item name="sk_date" label={a.skDate} rules={required}><DatePicker format="DD-MM-YYYY" /></Form.Item>
          <Form.Item name="tmt" label={a.tmt} rules={required}><DatePicker format="DD-MM-YYYY" /></Form.Item>
        </>}
        run={(v: { sk_number: string; sk_date: dayjs.Dayjs; tmt: dayjs.Dayjs }) => unwrap(mutation.POST("/mutations/{mutation_id}/decree", {
          ...path, body: { sk_number: v.sk_number, sk_date: v.sk_date.format("YYYY-MM-DD"), tmt: v.tmt.format("YYYY-MM-DD") },
        }))} />
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
    cancel: (
      <ActionButton key="cancel" label={a.cancel} danger onDone={onDone}
        fields={<Form.Item name="reason" label={a.reasons} rules={required}><Input.TextArea rows={2} /></Form.Item>}
        run={(v: { reason: string }) => unwrap(mutation.POST("/mutations/{mutation_id}/cancel", { ...path, body: v }))} />
    ),
  };
  return <Space wrap>{actions.map((x) => buttons[x])}</Space>;
}
