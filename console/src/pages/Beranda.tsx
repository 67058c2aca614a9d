/** Beranda: needs by unit, the pipeline per step with how long files have waited, the
 * effectiveness of past transfers and the early-warning list. */
import { Card, Col, Row, Table, Typography } from "antd";
import { evaluation, mutation } from "../api/client";
import { unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { hasRole } from "../auth/claims";
import { useSession } from "../auth/session";
import { AsyncView } from "../components/AsyncView";
import { Bars } from "../components/Bars";
import { statusLabel, t } from "../i18n";
import { loadPipeline } from "./Mutasi";
import type { components } from "../api/generated/evaluation";

type EffectivenessRow = components["schemas"]["EffectivenessRow"];
type EarlyWarning = components["schemas"]["EarlyWarning"];

export function Beranda() {
  const { claims } = useSession();
  const needs = useLoad(() => unwrap(mutation.GET("/needs", { params: { query: { status: "OPEN" } } })), []);
  const pipeline = useLoad(loadPipeline, []);
  const effectiveness = useLoad(() => unwrap(evaluation.GET("/reports/effectiveness", {})) as Promise<unknown> as Promise<EffectivenessRow[]>, []);
  const canWarn = hasRole(claims, "bkd_operator", "tpk_member", "ppk", "auditor");
  const warnings = useLoad(
    () => (canWarn ? (unwrap(evaluation.GET("/reports/early-warning", {})) as Promise<unknown> as Promise<EarlyWarning[]>) : Promise.resolve([])),
    [canWarn],
  );
  const b = t.beranda;

  return (
    <>
      <Typography.Title level={1}>{b.title}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{b.needsByUnit}</h2>}>
            <AsyncView state={needs}>
              {(rows) => {
                const byUnit = new Map<string, number>();
                for (const n of rows) byUnit.set(n.unit_name ?? n.unit_id, (byUnit.get(n.unit_name ?? n.unit_id) ?? 0) + n.count - n.filled);
                return <Bars label={b.needsByUnit} rows={[...byUnit].map(([name, value]) => ({ name, value })).sort((x, y) => y.value - x.value).slice(0, 15)} />;
              }}
            </AsyncView>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{b.pipeline}</h2>}>
            <AsyncView state={pipeline}>
              {(rows) => {
                const byStep = new Map<string, { n: number; oldest: number }>();
                for (const r of rows) {
                  const s = byStep.get(r.status) ?? { n: 0, oldest: 0 };
                  byStep.set(r.status, { n: s.n + r.count, oldest: Math.max(s.oldest, r.oldest_days_in_step) });
                }
                return (
                  <Bars label={b.pipeline}
                    rows={[...byStep].map(([status, s]) => ({ name: statusLabel(status), value: s.n, note: `${b.oldest} ${t.common.days(s.oldest)}` }))} />
                );
              }}
            </AsyncView>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{b.effectiveness}</h2>}>
            <AsyncView state={effectiveness}>
              {(rows) => (
                <Table rowKey={(r) => `${r.period}-${r.agency_unit_id}-${r.region}-${r.kind}`} dataSource={rows} size="small" pagination={{ pageSize: 5 }}
                  columns={[
                    { title: b.period, dataIndex: "period" },
                    { title: t.mutasi.kind, dataIndex: "kind", render: (v: string | null) => (v ? t.kinds[v] ?? v : "—") },
                    { title: b.assessed, dataIndex: "assessed", align: "right" },
                    { title: b.achieved, dataIndex: "share_achieved", align: "right", render: (v: number | null) => (v == null ? "—" : `${Math.round(v * 100)}%`) },
                  ]} />
              )}
            </AsyncView>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{b.earlyWarning}</h2>}>
            <AsyncView state={warnings}>
              {(rows) => (
                <Table rowKey="plan_id" dataSource={rows} size="small" pagination={{ pageSize: 5 }}
                  columns={[
                    { title: t.pegawai.nip, dataIndex: "nip" },
                    { title: t.pegawai.unit, dataIndex: "unit_id" },
                    { title: t.pemantauan.predikat, dataIndex: "latest_predikat", render: (v: string | null) => (v ? t.pemantauan.predikatNames[v] ?? v : "—") },
                  ]} />
              )}
            </AsyncView>
          </Card>
        </Col>
      </Row>
    </>
  );
}
