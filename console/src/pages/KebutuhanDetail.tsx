/** One need: the candidates with the points and reason of every factor, the people the
 * rules excluded with their rule, and proposing the chosen ones. */
import { Button, Card, Checkbox, Descriptions, Input, List, Modal, Space, Table, Tag, Typography, message } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { mutation } from "../api/client";
import { ApiError, unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { hasRole } from "../auth/claims";
import { useSession } from "../auth/session";
import { AsyncView } from "../components/AsyncView";
import { Refusal } from "../components/Refusal";
import { t } from "../i18n";

interface Factor {
  name: string;
  points: number;
  max_points: number;
  explanation: string;
}
export interface Candidate {
  nip: string;
  name: string;
  unit_id: string;
  position_id: string;
  score: number;
  factors: Factor[];
}
interface Exclusion {
  nip: string;
  name: string;
  rule: string;
  explanation: string;
}
interface Found {
  ranked: Candidate[];
  excluded: Exclusion[];
  eligible_count: number;
}

export function KebutuhanDetail() {
  const { needId = "" } = useParams();
  const { claims } = useSession();
  const navigate = useNavigate();
  const need = useLoad(() => unwrap(mutation.GET("/needs/{need_id}", { params: { path: { need_id: needId } } })), [needId], true);
  const found = useLoad(
    () => unwrap(mutation.GET("/needs/{need_id}/candidates", { params: { path: { need_id: needId }, query: { limit: 20 } } })) as Promise<unknown> as Promise<Found>,
    [needId],
    true,
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const canPropose = hasRole(claims, "bkd_operator");

  async function propose() {
    const n = need.data;
    if (!n) return;
    setBusy(true);
    setError(null);
    const made: { id: string; version: number }[] = [];
    try {
      for (const nip of chosen) {
        const r = await unwrap(
          mutation.POST("/mutations", {
            body: { nip, to_unit_id: n.unit_id, to_position_id: n.position_id, kind: "NEED_BASED", reason: reason || n.reason, need_id: n.need_id },
          }),
        );
        made.push({ id: r.mutation_id, version: r.version });
      }
      message.success(t.kebutuhan.proposed(made.length));
      setConfirming(false);
      // The transfer page reads the proposal it was just sent to once it is there.
      if (made.length === 1) navigate(`/mutasi/${made[0].id}`, { state: { minVersion: made[0].version } });
      else navigate("/mutasi");
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Link to="/kebutuhan">← {t.common.back}</Link>
      <AsyncView state={need}>
        {(n) => (
          <>
            <Typography.Title level={1}>{t.kebutuhan.needTitle(n.title ?? n.position_id, n.unit_name ?? n.unit_id)}</Typography.Title>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t.kebutuhan.count}>{n.count}</Descriptions.Item>
              <Descriptions.Item label={t.kebutuhan.fulfilled}>{n.filled}</Descriptions.Item>
              <Descriptions.Item label={t.kebutuhan.priorityLabel}>{t.priority[n.priority] ?? n.priority}</Descriptions.Item>
              <Descriptions.Item label={t.kebutuhan.reason}>{n.reason}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </AsyncView>
      <Card title={<h2 className="card-title">{t.kebutuhan.ranked}</h2>}>
        <AsyncView state={found} isEmpty={(f) => f.ranked.length === 0}>
          {(f) => (
            <Table<Candidate>
              rowKey="nip"
              dataSource={f.ranked}
              pagination={false}
              columns={[
                ...(canPropose
                  ? [
                      {
                        title: t.kebutuhan.candidates,
                        key: "pick",
                        render: (_: unknown, c: Candidate) => (
                          <Checkbox
                            aria-label={t.kebutuhan.selectCandidate(c.name)}
                            checked={chosen.includes(c.nip)}
                            onChange={(e) => setChosen((s) => (e.target.checked ? [...s, c.nip] : s.filter((x) => x !== c.nip)))}
                          />
                        ),
                      },
                    ]
                  : []),
                { title: t.pegawai.name, dataIndex: "name", render: (v, c) => <><div>{v}</div><small>{c.nip}</small></> },
                { title: t.pegawai.unit, dataIndex: "unit_id" },
                { title: t.kebutuhan.score, dataIndex: "score", align: "right", render: (v: number) => v.toLocaleString("id-ID") },
                {
                  title: t.kebutuhan.why,
                  key: "why",
                  render: (_: unknown, c: Candidate) => (
                    <ul className="factors">
                      {c.factors.map((x) => (
                        <li key={x.name}>
                          <strong>
                            {x.points.toLocaleString("id-ID")}/{x.max_points.toLocaleString("id-ID")}
                          </strong>{" "}
                          {x.explanation}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </AsyncView>
        {canPropose && (
          <Button type="primary" disabled={chosen.length === 0} onClick={() => setConfirming(true)} style={{ marginTop: 16 }}>
            {t.kebutuhan.propose}
          </Button>
        )}
      </Card>
      <Card title={<h2 className="card-title">{t.kebutuhan.excluded}</h2>}>
        <AsyncView state={found} isEmpty={(f) => f.excluded.length === 0}>
          {(f) => (
            <List
              dataSource={f.excluded}
              pagination={f.excluded.length > 10 ? { pageSize: 10 } : false}
              renderItem={(e) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${e.name} (${e.nip})`}
                    description={
                      <>
                        <Tag>{e.rule}</Tag> {e.explanation}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </AsyncView>
      </Card>
      <Modal
        open={confirming}
        title={t.kebutuhan.proposeConfirm(chosen.length)}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        onOk={propose}
        confirmLoading={busy}
        onCancel={() => setConfirming(false)}
      >
        <label htmlFor="alasan-usulan">{t.kebutuhan.proposeReason}</label>
        <Input.TextArea id="alasan-usulan" rows={2} value={reason} placeholder={need.data?.reason} onChange={(e) => setReason(e.target.value)} />
        {error && <Refusal error={error} />}
      </Modal>
    </Space>
  );
}
