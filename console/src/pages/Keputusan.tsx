/** Keputusan (SK): the decree register a page at a time, one decree with its lampiran, its
 * document and each petikan to download and its public verification link, and the form
 * with which the BKD or the PPK issues one decree for one or many transfers that are ready. */
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { mutation } from "../api/client";
import { decreeDocument, petikan, safeName, verificationUrl } from "../api/download";
import { ApiError, unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { useSession } from "../auth/session";
import { AsyncView } from "../components/AsyncView";
import { DownloadButton } from "../components/DownloadButton";
import { Refusal } from "../components/Refusal";
import { PALETTE, StatusTag } from "../components/StatusTag";
import { formatDate, t } from "../i18n";
import type { components } from "../api/generated/mutation";

type Decree = components["schemas"]["DecreeView"];
type DecreeSummary = components["schemas"]["DecreeSummary"];
type Transfer = components["schemas"]["MutationView"];

const k = t.keputusan;
const PAGE_SIZE = 20;
/** The steps after which a transfer may be decreed (the API checks every rule again). */
export const READY_STATUSES = ["ACKNOWLEDGED", "OBJECTION_DISMISSED"] as const;
/** Who issues decrees (the services' access table has the last word). */
export const ISSUERS = ["bkd_operator", "ppk"];

export function mayIssue(roles: string[]): boolean {
  return roles.some((r) => ISSUERS.includes(r));
}

export function Keputusan() {
  const { claims } = useSession();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const register = useLoad(
    () => unwrap(mutation.GET("/decrees", { params: { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } })),
    [page],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{k.title}</Typography.Title>
      {mayIssue(claims?.roles ?? []) && (
        <div>
          <Button type="primary" onClick={() => navigate("/keputusan/baru")}>{k.issue}</Button>
        </div>
      )}
      <Card title={<h2 className="card-title">{k.register}</h2>}>
        <AsyncView state={register} isEmpty={(p) => p.total === 0}>
          {(p) => (
            <Table<DecreeSummary>
              rowKey="decree_id"
              dataSource={p.items}
              loading={register.loading}
              locale={{ emptyText: t.common.empty }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: p.total,
                showSizeChanger: false,
                showTotal: (n) => k.total(n),
                onChange: setPage,
              }}
              columns={[
                { title: k.number, dataIndex: "sk_number", render: (v: string, d) => <Link to={`/keputusan/${d.decree_id}`}>{v}</Link> },
                { title: k.date, dataIndex: "sk_date", render: (v: string) => formatDate(v) },
                { title: k.tmt, dataIndex: "tmt", render: (v: string) => formatDate(v) },
                { title: k.about, dataIndex: "title" },
                { title: k.rows, dataIndex: "rows", align: "right" },
              ]}
            />
          )}
        </AsyncView>
      </Card>
    </Space>
  );
}

export function KeputusanDetail() {
  const { decreeId = "" } = useParams();
  const issued = (useLocation().state as { issued?: boolean } | null)?.issued ?? false;
  const view = useLoad(() => unwrap(mutation.GET("/decrees/{decree_id}", { params: { path: { decree_id: decreeId } } })), [decreeId], true);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Link to="/keputusan">← {t.common.back}</Link>
      <AsyncView state={view}>
        {(d) => <DecreeDetail d={d} issued={issued} />}
      </AsyncView>
    </Space>
  );
}

export function DecreeDetail({ d, issued }: { d: Decree; issued?: boolean }) {
  const verification = useLoad(
    () => unwrap(mutation.GET("/decrees/{decree_id}/verify", { params: { path: { decree_id: d.decree_id }, query: { sha256: d.document_sha256 } } })),
    [d.decree_id, d.document_sha256],
  );
  const signer = [d.signer.on_behalf, d.signer.post, d.signer.name, d.signer.nip ? `NIP ${d.signer.nip}` : null].filter(Boolean).join(" · ");
  const base = safeName(d.sk_number);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{k.detailTitle(d.sk_number)}</Typography.Title>
      {issued && <Alert type="success" showIcon message={k.issued(d.sk_number)} />}
      <Card>
        <Space wrap>
          <DownloadButton primary label={k.downloadDocument} filename={`SK-${base}.pdf`} fetchFile={() => decreeDocument(d.decree_id)} />
          <a href={verificationUrl(d.decree_id, d.document_sha256)} target="_blank" rel="noopener noreferrer">{k.verifyLink}</a>
        </Space>
        <Typography.Paragraph style={{ marginTop: 8 }}><small>{k.verifyHint}</small></Typography.Paragraph>
      </Card>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={k.number}>{d.sk_number}</Descriptions.Item>
          <Descriptions.Item label={k.date}>{formatDate(d.sk_date)}</Descriptions.Item>
          <Descriptions.Item label={k.tmt}>{formatDate(d.tmt)}</Descriptions.Item>
          <Descriptions.Item label={k.place}>{d.place}</Descriptions.Item>
          <Descriptions.Item label={k.about} span={2}>{d.title}</Descriptions.Item>
          <Descriptions.Item label={k.signer} span={2}>{signer}</Descriptions.Item>
          <Descriptions.Item label={k.issuedBy}>{d.issued_by}</Descriptions.Item>
          <Descriptions.Item label={k.verification}>
            <AsyncView state={verification}>
              {(v) => <><Tag style={PALETTE[v.genuine ? "green" : "red"]}>{v.status}</Tag> {v.pesan}</>}
            </AsyncView>
          </Descriptions.Item>
          <Descriptions.Item label={k.sha256} span={2}><code className="hash">{d.document_sha256}</code></Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 className="card-title">{k.lampiran}</h2>}>
        <Table
          rowKey="mutation_id"
          dataSource={d.rows}
          pagination={d.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: true }}
          columns={[
            { title: k.no, dataIndex: "number", align: "right" },
            { title: k.nameNip, dataIndex: "name", render: (v: string, r) => <><div>{v}</div><small>{r.nip}</small></> },
            { title: k.grade, dataIndex: "grade", render: (v: string, r) => (r.rank_name ? `${r.rank_name}, ${v}` : v) },
            { title: k.fromPost, dataIndex: "from_position", render: (v: string, r) => <><div>{v}</div><small>{r.from_unit}</small></> },
            { title: k.toPost, dataIndex: "to_position", render: (v: string, r) => <><div>{v}</div><small>{r.to_unit}</small></> },
            { title: k.remarks, dataIndex: "remarks", render: (v: string) => v || "—" },
            { title: k.transfer, dataIndex: "mutation_id", render: (v: string) => <Link to={`/mutasi/${v}`}>{v.slice(0, 8)}</Link> },
            {
              title: k.petikan,
              key: "petikan",
              render: (_: unknown, r) => (
                <DownloadButton size="small" label={k.downloadPetikan(r.name)} filename={`Petikan-${base}-${r.nip}.pdf`} fetchFile={() => petikan(d.decree_id, r.nip)} />
              ),
            },
          ]}
        />
      </Card>
      {(d.considerations.length > 0 || d.legal_bases.length > 0 || d.copies_to.length > 0) && (
        <Card>
          <Descriptions size="small" column={1} bordered>
            {d.considerations.length > 0 && <Descriptions.Item label={k.considerations}><ol className="plain">{d.considerations.map((c) => <li key={c}>{c}</li>)}</ol></Descriptions.Item>}
            {d.legal_bases.length > 0 && <Descriptions.Item label={k.legalBases}><ol className="plain">{d.legal_bases.map((c) => <li key={c}>{c}</li>)}</ol></Descriptions.Item>}
            {d.copies_to.length > 0 && <Descriptions.Item label={k.copiesTo}><ol className="plain">{d.copies_to.map((c) => <li key={c}>{c}</li>)}</ol></Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}

/** Every transfer that is ready for a decree (each ready step's list, up to the API's page). */
export async function loadReady(): Promise<Transfer[]> {
  const pages = await Promise.all(
    READY_STATUSES.map((status) => unwrap(mutation.GET("/mutations", { params: { query: { status, limit: 200 } } }))),
  );
  return pages.flatMap((p) => p.items);
}

interface DecreeForm {
  sk_number: string;
  sk_date: dayjs.Dayjs;
  tmt: dayjs.Dayjs;
  title: string;
  retroactive_reason?: string;
}

/** The request `POST /decrees` takes from the form, the chosen transfers and their remarks. */
export function decreeBody(v: DecreeForm, chosen: string[], remarks: Record<string, string>) {
  const kept = Object.fromEntries(
    chosen.map((id) => [id, (remarks[id] ?? "").trim()] as const).filter(([, r]) => r),
  );
  return {
    mutation_ids: chosen,
    sk_number: v.sk_number.trim(),
    sk_date: v.sk_date.format("YYYY-MM-DD"),
    tmt: v.tmt.format("YYYY-MM-DD"),
    title: v.title.trim() || k.defaultTitle,
    remarks: kept,
    retroactive_reason: v.retroactive_reason?.trim() || null,
  };
}

export function KeputusanBaru() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ready = useLoad(loadReady, []);
  const [chosen, setChosen] = useState<string[]>(() => params.getAll("mutasi"));
  const [remarks, setRemarks] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<DecreeForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [pickError, setPickError] = useState(false);
  const [form] = Form.useForm<DecreeForm>();
  const today = dayjs();
  const required = [{ required: true, message: t.actions.required }];

  async function review() {
    let values: DecreeForm;
    try {
      values = await form.validateFields();
    } catch {
      return; // each field says what is missing
    }
    if (chosen.length === 0) {
      setPickError(true);
      return;
    }
    setConfirming(values);
  }

  async function issue() {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    try {
      const d = await unwrap(mutation.POST("/decrees", { body: decreeBody(confirming, chosen, remarks) }));
      navigate(`/keputusan/${d.decree_id}`, { state: { issued: true } });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
      setConfirming(null);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string, on: boolean) => {
    setPickError(false);
    setChosen((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));
  };

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Link to="/keputusan">← {t.common.back}</Link>
      <Typography.Title level={1}>{k.formTitle}</Typography.Title>
      <Card title={<h2 className="card-title">{k.ready}</h2>}>
        <Typography.Paragraph>{k.readyHint}</Typography.Paragraph>
        <AsyncView state={ready} empty={k.noneReady}>
          {(rows) => (
            <Table<Transfer>
              rowKey="mutation_id"
              dataSource={rows}
              pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              scroll={{ x: true }}
              columns={[
                {
                  title: k.chosen(chosen.length),
                  key: "pick",
                  render: (_: unknown, m) => (
                    <Checkbox aria-label={k.pick(m.mutation_id)} checked={chosen.includes(m.mutation_id)} onChange={(e) => toggle(m.mutation_id, e.target.checked)} />
                  ),
                },
                { title: t.mutasi.id, dataIndex: "mutation_id", render: (v: string) => <Link to={`/mutasi/${v}`}>{v.slice(0, 8)}</Link> },
                { title: t.mutasi.nip, dataIndex: "nip" },
                { title: t.mutasi.from, key: "from", render: (_: unknown, m) => `${m.from_position_id} · ${m.from_unit_id}` },
                { title: t.mutasi.to, key: "to", render: (_: unknown, m) => `${m.to_position_id} · ${m.to_unit_id}` },
                { title: t.mutasi.status, dataIndex: "status", render: (v: string) => <StatusTag status={v} /> },
                {
                  title: k.remarks,
                  key: "remarks",
                  render: (_: unknown, m) => (
                    <Input
                      aria-label={k.remarksFor(m.mutation_id)}
                      maxLength={500}
                      disabled={!chosen.includes(m.mutation_id)}
                      value={remarks[m.mutation_id] ?? ""}
                      onChange={(e) => setRemarks((r) => ({ ...r, [m.mutation_id]: e.target.value }))}
                    />
                  ),
                },
              ]}
            />
          )}
        </AsyncView>
        {pickError && <Alert type="error" showIcon role="alert" message={k.pickOne} />}
      </Card>
      <Card title={<h2 className="card-title">{k.formCard}</h2>}>
        <Form<DecreeForm> form={form} layout="vertical" initialValues={{ sk_date: today, tmt: today, title: k.defaultTitle }} onFinish={() => void review()}>
          <Form.Item name="sk_number" label={k.skNumber} rules={required}><Input maxLength={100} /></Form.Item>
          <Space wrap size="large">
            <Form.Item name="sk_date" label={k.skDate} rules={required}><DatePicker format="DD-MM-YYYY" /></Form.Item>
            <Form.Item name="tmt" label={k.skTmt} rules={required}><DatePicker format="DD-MM-YYYY" /></Form.Item>
          </Space>
          <Form.Item name="title" label={k.about} rules={required}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          <Form.Item name="retroactive_reason" label={k.retroactiveReason}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          {error && <div className="refusal"><Refusal error={error} /></div>}
          <Button type="primary" htmlType="submit">{k.submit}</Button>
        </Form>
      </Card>
      <Modal
        open={confirming !== null}
        title={`${k.submit}?`}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        confirmLoading={busy}
        onOk={() => void issue()}
        onCancel={() => setConfirming(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{k.confirm(chosen.length)}</Typography.Paragraph>
        {confirming && (
          <Typography.Paragraph>
            <strong>{confirming.sk_number}</strong> · {formatDate(confirming.sk_date.format("YYYY-MM-DD"))} · {t.mutasi.tmt} {formatDate(confirming.tmt.format("YYYY-MM-DD"))}
          </Typography.Paragraph>
        )}
      </Modal>
    </Space>
  );
}
