/** Mutasi: every transfer in the pipeline, filtered by status, kind, target unit or NIP,
 * a page at a time. The pipeline read model groups files by step; this flattens it. */
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
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

export function loadPipeline(): Promise<PipelineRow[]> {
  return unwrap(mutation.GET("/pipeline", {})) as Promise<unknown> as Promise<PipelineRow[]>;
}

export function Mutasi() {
  const [status, setStatus] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [unit, setUnit] = useState<string>();
  const [nip, setNip] = useState("");
  const [byNip, setByNip] = useState<string>();
  const pipeline = useLoad(loadPipeline, []);
  const employee = useLoad(
    () => (byNip ? unwrap(mutation.GET("/employees/{nip}/mutations", { params: { path: { nip: byNip } } })) : Promise.resolve(null)),
    [byNip],
  );
  const units = useMemo(() => [...new Set((pipeline.data ?? []).map((r) => r.to_unit_id))].sort(), [pipeline.data]);

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{t.mutasi.title}</Typography.Title>
      <Card>
        <div className="toolbar">
          <Select allowClear aria-label={t.mutasi.filterStatus} placeholder={t.mutasi.filterStatus} value={status} onChange={setStatus} style={{ minWidth: 200 }}
            options={Object.entries(t.status).map(([value, label]) => ({ value, label }))} />
          <Select allowClear aria-label={t.mutasi.filterKind} placeholder={t.mutasi.filterKind} value={kind} onChange={setKind} style={{ minWidth: 200 }}
            options={Object.entries(t.kinds).map(([value, label]) => ({ value, label }))} />
          <Select allowClear showSearch aria-label={t.mutasi.filterUnit} placeholder={t.mutasi.filterUnit} value={unit} onChange={setUnit} style={{ minWidth: 200 }}
            options={units.map((u) => ({ value: u, label: u }))} />
          <form className="toolbar" role="search" onSubmit={(e) => { e.preventDefault(); setByNip(nip.trim() || undefined); }}>
            <Input aria-label={t.mutasi.filterNip} placeholder={t.mutasi.filterNip} value={nip} onChange={(e) => setNip(e.target.value)} inputMode="numeric" />
            <Button htmlType="submit">{t.common.search}</Button>
          </form>
        </div>
        {byNip ? (
          <AsyncView state={employee} isEmpty={(d) => !d || d.length === 0}>
            {(rows) => (
              <Table rowKey="mutation_id" dataSource={rows ?? []} pagination={{ pageSize: 20 }}
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
          <AsyncView state={pipeline}>
            {(rows) => {
              const files = flatten(rows).filter(
                (f) => (!status || f.status === status) && (!kind || f.kind === kind) && (!unit || f.to_unit_id === unit),
              );
              return (
                <Table<FileRow> rowKey="mutation_id" dataSource={files} pagination={{ pageSize: 20, showSizeChanger: false }}
                  locale={{ emptyText: t.common.empty }}
                  columns={[
                    { title: t.mutasi.id, dataIndex: "mutation_id", render: (v: string) => <Link to={`/mutasi/${v}`}>{v.slice(0, 8)}</Link> },
                    { title: t.mutasi.to, dataIndex: "to_unit_id" },
                    { title: t.mutasi.kind, dataIndex: "kind", render: (v: string) => <Tag>{t.kinds[v] ?? v}</Tag> },
                    { title: t.mutasi.status, dataIndex: "status", render: (v: string) => <StatusTag status={v} /> },
                  ]} />
              );
            }}
          </AsyncView>
        )}
      </Card>
    </Space>
  );
}
