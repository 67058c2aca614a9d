/** Mutasi: every transfer, filtered by status and target unit, a page at a time as the API
 * serves it (`GET /mutations`), or one employee's transfers by NIP. The pipeline read model
 * (files grouped by step, `flatten`) still gives "Tugas saya" its queues and this page the
 * units to filter by. */
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import type { components } from "../api/generated/mutation";
import { Link } from "react-router-dom";
import { mutation } from "../api/client";
import { unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { AsyncView } from "../components/AsyncView";
import { StatusTag } from "../components/StatusTag";
import { t } from "../i18n";

export interface PipelineRow {
  status: string;
  to_unit_id: string;
  kind: string;
  count: number;
  oldest_days_in_step: number;
  mean_days_in_step: number;
  mutation_ids: string[];
}

export interface FileRow {
  mutation_id: string;
  status: string;
  to_unit_id: string;
  kind: string;
}

export function flatten(rows: PipelineRow[]): FileRow[] {
  return rows.flatMap((r) => r.mutation_ids.map((mutation_id) => ({ mutation_id, status: r.status, to_unit_id: r.to_unit_id, kind: r.kind })));
}

type Transfer = components["schemas"]["MutationView"];

export const PAGE_SIZE = 20;

/** One page of transfers, filtered on the server. */
export function loadTransfers(status: string | undefined, unit: string | undefined, page: number) {
  return unwrap(mutation.GET("/mutations", {
    params: { query: { ...(status ? { status } : {}), ...(unit ? { unit_id: unit } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
  }));
}

export function loadPipeline(): Promise<PipelineRow[]> {
  return unwrap(mutation.GET("/pipeline", {})) as Promise<unknown> as Promise<PipelineRow[]>;
}

export function Mutasi() {
  const [status, setStatus] = useState<string>();
  const [unit, setUnit] = useState<string>();
  const [page, setPage] = useState(1);
  const [nip, setNip] = useState("");
  const [byNip, setByNip] = useState<string>();
  const pipeline = useLoad(loadPipeline, []);
  const list = useLoad(() => loadTransfers(status, unit, page), [status, unit, page]);
  const employee = useLoad(
    () => (byNip ? unwrap(mutation.GET("/employees/{nip}/mutations", { params: { path: { nip: byNip } } })) : Promise.resolve(null)),
    [byNip],
  );
  const units = useMemo(() => [...new Set((pipeline.data ?? []).map((r) => r.to_unit_id))].sort(), [pipeline.data]);
  const filter = (set: (v: string | undefined) => void) => (v: string | undefined) => {
    set(v);
    setPage(1);
  };
  const columns = [
    { title: t.mutasi.id, dataIndex: "mutation_id", render: (v: string) => <Link to={`/mutasi/${v}`}>{v.slice(0, 8)}</Link> },
    { title: t.mutasi.nip, dataIndex: "nip" },
    { title: t.mutasi.to, key: "to", render: (_: unknown, m: Transfer) => `${m.to_position_id} · ${m.to_unit_id}` },
    { title: t.mutasi.kind, dataIndex: "kind", render: (v: string) => <Tag>{t.kinds[v] ?? v}</Tag> },
    { title: t.mutasi.status, dataIndex: "status", render: (v: string) => <StatusTag status={v} /> },
    {
      title: t.mutasi.decree,
      key: "decree",
      render: (_: unknown, m: Transfer) =>
        m.decree_id ? <Link to={`/keputusan/${m.decree_id}`}>{m.sk_number ?? m.decree_id.slice(0, 8)}</Link> : m.sk_number ?? "—",
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{t.mutasi.title}</Typography.Title>
      <Card>
        <div className="toolbar">
          <Select allowClear aria-label={t.mutasi.filterStatus} placeholder={t.mutasi.filterStatus} value={status} onChange={filter(setStatus)} style={{ minWidth: 200 }}
            options={Object.entries(t.status).map(([value, label]) => ({ value, label }))} />
          <Select allowClear showSearch aria-label={t.mutasi.filterUnit} placeholder={t.mutasi.filterUnit} value={unit} onChange={filter(setUnit)} style={{ minWidth: 200 }}
            options={units.map((u) => ({ value: u, label: u }))} />
          <form className="toolbar" role="search" onSubmit={(e) => { e.preventDefault(); setByNip(nip.trim() || undefined); }}>
            <Input aria-label={t.mutasi.filterNip} placeholder={t.mutasi.filterNip} value={nip} onChange={(e) => setNip(e.target.value)} inputMode="numeric" />
            <Button htmlType="submit">{t.common.search}</Button>
          </form>
        </div>
        {byNip ? (
          <AsyncView state={employee} isEmpty={(d) => !d || d.length === 0}>
            {(rows) => (
              <Table rowKey="mutation_id" dataSource={rows ?? []} pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
                columns={[
                  { title: t.mutasi.id, dataIndex: "mutation_id", render: (v: string) => <Link to={`/mutasi/${v}`}>{v.slice(0, 8)}</Link> },
                  { title: t.mutasi.nip, dataIndex: "nip" },
                  { title: t.mutasi.to, dataIndex: "to_unit_id" },
                  { title: t.mutasi.kind, dataIndex: "kind", render: (v: string) => t.kinds[v] ?? v },
                  { title: t.mutasi.status, dataIndex: "status", render: (v: string) => <StatusTag status={v} /> },
                ]} />
            )}
          </AsyncView>
        ) : (
          <AsyncView state={list} isEmpty={(p) => p.total === 0}>
            {(p) => (
              <Table<Transfer> rowKey="mutation_id" dataSource={p.items} loading={list.loading}
                locale={{ emptyText: t.common.empty }}
                pagination={{ current: page, pageSize: PAGE_SIZE, total: p.total, showSizeChanger: false, showTotal: (n) => t.mutasi.total(n), onChange: setPage }}
                columns={columns} />
            )}
          </AsyncView>
        )}
      </Card>
    </Space>
  );
}
