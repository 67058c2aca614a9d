/** Impor: upload a SIMPEG export (CSV of one section, or JSON), follow its progress and
 * read the per-row report of refused rows. */
import { Alert, Button, Card, Progress, Select, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { personnel } from "../api/client";
import { ApiError, unwrap } from "../api/problem";
import { Refusal } from "../components/Refusal";
import { t } from "../i18n";

interface Job {
  job_id: string;
  status: string;
  total_rows: number;
  processed_rows: number;
  problems: { section: string; row: number; field: string; reason: string }[];
}

export function Impor() {
  const [file, setFile] = useState<File | null>(null);
  const [section, setSection] = useState("employees");
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!job || job.status !== "RUNNING") return;
    const timer = window.setTimeout(async () => {
      try {
        setJob((await unwrap(personnel.GET("/imports/{job_id}", { params: { path: { job_id: job.job_id } } }))) as unknown as Job);
      } catch (e) {
        setError(e as ApiError);
      }
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [job]);

  async function upload() {
    if (!file) return;
    setError(null);
    const csv = file.name.toLowerCase().endsWith(".csv");
    try {
      const started = await unwrap(
        personnel.POST("/imports", {
          params: { query: { format: csv ? "csv" : "json", section: section as "employees", name: file.name } },
          body: (await file.text()) as never,
          bodySerializer: (b: unknown) => b as string,
          headers: { "Content-Type": csv ? "text/csv" : "application/json" },
        }),
      );
      setJob(started as unknown as Job);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
    }
  }

  const percent = job && job.total_rows ? Math.round((job.processed_rows / job.total_rows) * 100) : 0;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{t.impor.title}</Typography.Title>
      <Card>
        <div className="toolbar">
          <label className="file-label">
            {t.impor.pick}
            <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <Select aria-label={t.impor.section} value={section} onChange={setSection} style={{ minWidth: 180 }}
            options={Object.entries(t.impor.sections).map(([value, label]) => ({ value, label }))} />
          <Button type="primary" disabled={!file} onClick={() => void upload()}>{t.impor.upload}</Button>
        </div>
        {error && <Refusal error={error} />}
        {job && (
          <>
            <Progress percent={percent} status={job.status === "RUNNING" ? "active" : undefined} aria-label={t.impor.progress} />
            <Alert type={job.problems.length ? "warning" : "success"} message={`${job.status}: ${job.processed_rows}/${job.total_rows}`} />
            <Table rowKey={(r) => `${r.section}-${r.row}-${r.field}`} dataSource={job.problems} size="small"
              title={() => <h2 className="card-title">{t.impor.report}</h2>}
              columns={[
                { title: t.impor.row, dataIndex: "row" },
                { title: t.impor.column, dataIndex: "field" },
                { title: t.impor.result, dataIndex: "reason" },
              ]} />
          </>
        )}
      </Card>
    </Space>
  );
}
