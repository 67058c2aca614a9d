/** Pemantauan: the evaluator's worklist of checkpoints after a transfer, the evaluation
 * form (the two SKP ratings and the predikat they give, how the person is adapting), and
 * each plan's outcome. */
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { evaluation } from "../api/client";
import { ApiError, unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { hasRole } from "../auth/claims";
import { useSession } from "../auth/session";
import { AsyncView } from "../components/AsyncView";
import { Refusal } from "../components/Refusal";
import { formatDate, t } from "../i18n";
import { predikatOf, RATINGS, type Rating } from "../predikat";

interface Item {
  plan_id: string;
  checkpoint_id: string;
  nip: string;
  unit_id: string;
  months_after: number;
  due_date: string;
  status: string;
  predikat: string | null;
}

export function Pemantauan() {
  const { claims } = useSession();
  const [params, setParams] = useSearchParams();
  const evaluatorOnly = hasRole(claims, "evaluator") && !hasRole(claims, "bkd_operator", "auditor");
  const worklist = useLoad(
    () => unwrap(evaluation.GET("/monitoring/worklist", { params: { query: { evaluator_nip: evaluatorOnly ? claims?.nip : undefined } } })),
    [evaluatorOnly, claims?.nip],
  );
  const checkpoint = params.get("checkpoint");
  const chosen = worklist.data?.items.find((i) => i.checkpoint_id === checkpoint) ?? null;
  const canEvaluate = hasRole(claims, "evaluator", "bkd_operator");

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{t.pemantauan.title}</Typography.Title>
      <Card title={<h2 className="card-title">{t.pemantauan.worklist}</h2>}>
        <AsyncView state={worklist} isEmpty={(w) => w.items.length === 0}>
          {(w) => (
            <Table<Item>
              rowKey="checkpoint_id"
              dataSource={w.items}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { title: t.pegawai.nip, dataIndex: "nip" },
                { title: t.pegawai.unit, dataIndex: "unit_id" },
                { title: t.pemantauan.checkpoint, dataIndex: "months_after", render: (v: number) => t.pemantauan.monthsAfter(v) },
                { title: t.pemantauan.due, dataIndex: "due_date", render: (v: string) => formatDate(v) },
                { title: t.mutasi.status, dataIndex: "status", render: (v: string) => <Tag>{t.pemantauan.status[v] ?? v}</Tag> },
                { title: t.pemantauan.predikat, dataIndex: "predikat", render: (v: string | null) => (v ? t.pemantauan.predikatNames[v] ?? v : "—") },
                ...(canEvaluate
                  ? [{
                      title: t.mutasi.actions,
                      key: "act",
                      render: (_: unknown, i: Item) =>
                        i.status === "DUE" || i.status === "OVERDUE" ? (
                          <Button onClick={() => setParams({ plan: i.plan_id, checkpoint: i.checkpoint_id })} aria-label={`${t.pemantauan.evaluate} ${i.nip}`}>
                            {t.pemantauan.evaluate}
                          </Button>
                        ) : null,
                    }]
                  : []),
              ]}
            />
          )}
        </AsyncView>
      </Card>
      {chosen && canEvaluate && (
        <EvaluationForm item={chosen} evaluatorNip={claims?.nip} onDone={worklist.reload} />
      )}
    </Space>
  );
}

// Not `required: true`: Ant would put aria-required on the radio group's plain <div>, which
// ARIA does not allow there; the check is the same.
const chosen = [
  { validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(t.actions.required))) },
];

interface Values {
  hasil_kerja: Rating;
  perilaku_kerja: Rating;
  adaptation: string[];
  notes: string;
}

export function EvaluationForm({ item, evaluatorNip, onDone }: { item: Item; evaluatorNip?: string; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const hasil = Form.useWatch("hasil_kerja", form);
  const perilaku = Form.useWatch("perilaku_kerja", form);
  const [error, setError] = useState<ApiError | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const predikat = hasil && perilaku ? predikatOf(hasil, perilaku) : null;
  const p = t.pemantauan;

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const made = await unwrap(
        evaluation.POST("/evaluations", {
          body: {
            nip: item.nip,
            kind: "CHECKPOINT",
            checkpoint_id: item.checkpoint_id,
            evaluator_nip: evaluatorNip ?? null,
            hasil_kerja: v.hasil_kerja,
            perilaku_kerja: v.perilaku_kerja,
            adaptation: {
              understands_new_duties: v.adaptation.includes("understands"),
              works_with_team: v.adaptation.includes("team"),
              needs_training: v.adaptation.includes("training"),
              notes: v.notes ?? "",
            },
          },
        }),
      );
      setRecorded(made.predikat);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<h2 className="card-title">{p.formTitle(item.nip)}</h2>}>
      {recorded && <Alert type="success" role="status" message={p.recorded(p.predikatNames[recorded] ?? recorded)} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ adaptation: [], notes: "" }}>
        <Form.Item name="hasil_kerja" label={p.hasilKerja} rules={chosen}>
          <Radio.Group options={RATINGS.map((r) => ({ value: r, label: p.ratings[r] }))} />
        </Form.Item>
        <Form.Item name="perilaku_kerja" label={p.perilakuKerja} rules={chosen}>
          <Radio.Group options={RATINGS.map((r) => ({ value: r, label: p.ratings[r] }))} />
        </Form.Item>
        <div className="predikat" aria-live="polite">
          {p.predikat}: <strong data-testid="predikat">{predikat ? p.predikatNames[predikat] : "—"}</strong>
          <div><small>{p.predikatBasis}</small></div>
        </div>
        <Form.Item name="adaptation" label={p.adaptation}>
          <Checkbox.Group
            options={[
              { value: "understands", label: p.understands },
              { value: "team", label: p.team },
              { value: "training", label: p.training },
            ]}
          />
        </Form.Item>
        <Form.Item name="notes" label={p.notes}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {error && <Refusal error={error} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {p.submit}
        </Button>
      </Form>
    </Card>
  );
}
