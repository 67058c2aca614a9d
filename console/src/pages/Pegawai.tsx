/** Pegawai: search the employees of a unit, a page at a time, and a profile with the post
 * and grade history, transfers and evaluations. */
import { Button, Card, Descriptions, Input, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { evaluation, mutation, personnel } from "../api/client";
import { unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { AsyncView } from "../components/AsyncView";
import { StatusTag } from "../components/StatusTag";
import { formatDate, t } from "../i18n";

interface Found {
  total: number;
  items: Record<string, unknown>[];
}

export function Pegawai() {
  const [unit, setUnit] = useState("");
  const [query, setQuery] = useState<string>();
  const [page, setPage] = useState(1);
  const found = useLoad(
    () =>
      unwrap(personnel.GET("/employees", { params: { query: { unit_id: query, page, page_size: 20 } } })) as Promise<unknown> as Promise<Found>,
    [query, page],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{t.pegawai.title}</Typography.Title>
      <Card>
        <form className="toolbar" role="search" onSubmit={(e) => { e.preventDefault(); setPage(1); setQuery(unit.trim() || undefined); }}>
          <Input aria-label={t.pegawai.search} placeholder={t.pegawai.search} value={unit} onChange={(e) => setUnit(e.target.value)} style={{ maxWidth: 320 }} />
          <Button htmlType="submit">{t.common.search}</Button>
        </form>
        <AsyncView state={found} isEmpty={(f) => f.items.length === 0}>
          {(f) => (
            <Table rowKey="nip" dataSource={f.items}
              pagination={{ current: page, pageSize: 20, total: f.total, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: t.pegawai.nip, dataIndex: "nip", render: (v: string) => <Link to={`/pegawai/${v}`}>{v}</Link> },
                { title: t.pegawai.name, dataIndex: "name" },
                { title: t.pegawai.grade, dataIndex: "grade" },
                { title: t.pegawai.unit, dataIndex: "unit_id" },
                { title: t.pegawai.position, dataIndex: "position_id" },
              ]} />
          )}
        </AsyncView>
      </Card>
    </Space>
  );
}

export function PegawaiProfil() {
  const { nip = "" } = useParams();
  const profile = useLoad(() => unwrap(personnel.GET("/employees/{nip}", { params: { path: { nip } } })) as Promise<Record<string, unknown>>, [nip]);
  const transfers = useLoad(() => unwrap(mutation.GET("/employees/{nip}/mutations", { params: { path: { nip } } })), [nip]);
  const evaluations = useLoad(() => unwrap(evaluation.GET("/employees/{nip}/evaluations", { params: { path: { nip } } })) as Promise<unknown> as Promise<Record<string, unknown>[]>, [nip]);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Link to="/pegawai">← {t.common.back}</Link>
      <Typography.Title level={1}>{t.pegawai.profile}</Typography.Title>
      <AsyncView state={profile}>
        {(p) => (
          <Card>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t.pegawai.nip}>{String(p.nip)}</Descriptions.Item>
              <Descriptions.Item label={t.pegawai.name}>{String(p.name ?? "—")}</Descriptions.Item>
              <Descriptions.Item label={t.pegawai.grade}>{String(p.grade ?? "—")}</Descriptions.Item>
              <Descriptions.Item label={t.pegawai.unit}>{String(p.unit_id ?? "—")}</Descriptions.Item>
              <Descriptions.Item label={t.pegawai.position}>{String(p.position_id ?? "—")}</Descriptions.Item>
            </Descriptions>
            {Array.isArray(p.history) && (
              <Table size="small" rowKey={(_, i) => String(i)} dataSource={p.history as Record<string, unknown>[]} pagination={false}
                title={() => <h2 className="card-title">{t.pegawai.history}</h2>}
                columns={[
                  { title: t.pegawai.position, dataIndex: "position_id" },
                  { title: t.pegawai.unit, dataIndex: "unit_id" },
                  { title: t.mutasi.tmt, dataIndex: "tmt", render: (v: string) => formatDate(v) },
                ]} />
            )}
          </Card>
        )}
      </AsyncView>
      <Card title={<h2 className="card-title">{t.pegawai.transfers}</h2>}>
        <AsyncView state={transfers}>
          {(rows) => (
            <Table rowKey="mutation_id" dataSource={rows} pagination={false} size="small"
              columns={[
                { title: t.mutasi.id, dataIndex: "mutation_id", render: (v: string) => <Link to={`/mutasi/${v}`}>{v.slice(0, 8)}</Link> },
                { title: t.mutasi.to, dataIndex: "to_unit_id" },
                { title: t.mutasi.status, dataIndex: "status", render: (v: string) => <StatusTag status={v} /> },
              ]} />
          )}
        </AsyncView>
      </Card>
      <Card title={<h2 className="card-title">{t.pegawai.evaluations}</h2>}>
        <AsyncView state={evaluations}>
          {(rows) => (
            <Table rowKey={(r) => String(r.evaluation_id)} dataSource={rows} pagination={false} size="small"
              columns={[
                { title: t.mutasi.kind, dataIndex: "kind" },
                { title: t.pegawai.period, dataIndex: "period_end", render: (v: string) => formatDate(v) },
                { title: t.pemantauan.predikat, dataIndex: "predikat", render: (v: string) => t.pemantauan.predikatNames[v] ?? v },
              ]} />
          )}
        </AsyncView>
      </Card>
    </Space>
  );
}
