/** Kebutuhan: the shortages the staffing read model suggests, confirming one as a need,
 * and the needs already identified with how far they are fulfilled. */
import { Button, Card, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { mutation } from "../api/client";
import { ApiError, unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { hasRole } from "../auth/claims";
import { useSession } from "../auth/session";
import { AsyncView } from "../components/AsyncView";
import { Refusal } from "../components/Refusal";
import { t } from "../i18n";

export interface Shortage {
  position_id: string;
  unit_id: string;
  unit_name: string | null;
  title: string;
  formasi: number;
  bezetting: number;
  shortage: number;
  suggested_count: number;
}

export function Kebutuhan() {
  const { claims } = useSession();
  const [title, setTitle] = useState("");
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<Shortage | null>(null);
  const suggestions = useLoad(
    () => unwrap(mutation.GET("/needs/suggestions", { params: { query: { title: query || undefined } } })) as Promise<unknown> as Promise<Shortage[]>,
    [query],
  );
  const needs = useLoad(() => unwrap(mutation.GET("/needs", { params: { query: { status: "OPEN" } } })), []);
  const canIdentify = hasRole(claims, "bkd_operator");

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{t.kebutuhan.title}</Typography.Title>
      <Card title={<h2 className="card-title">{t.kebutuhan.suggestions}</h2>}>
        <form
          className="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(title.trim());
          }}
        >
          <Input
            aria-label={t.kebutuhan.searchTitle}
            placeholder={t.kebutuhan.searchTitle}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            style={{ maxWidth: 320 }}
          />
          <Button htmlType="submit">{t.common.search}</Button>
        </form>
        <AsyncView state={suggestions}>
          {(rows) => (
            <Table<Shortage>
              rowKey="position_id"
              dataSource={rows}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { title: t.kebutuhan.unit, dataIndex: "unit_name", render: (v, r) => v ?? r.unit_id },
                { title: t.kebutuhan.position, dataIndex: "title" },
                { title: t.kebutuhan.formasi, dataIndex: "formasi", align: "right" },
                { title: t.kebutuhan.holders, dataIndex: "bezetting", align: "right" },
                { title: t.kebutuhan.shortage, dataIndex: "suggested_count", align: "right" },
                ...(canIdentify
                  ? [
                      {
                        title: t.mutasi.actions,
                        key: "act",
                        render: (_: unknown, r: Shortage) => (
                          <Button
                            onClick={() => setChosen(r)}
                            aria-label={`${t.kebutuhan.identify}: ${r.title}, ${r.unit_name ?? r.unit_id}`}
                          >
                            {t.kebutuhan.identify}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <Card title={<h2 className="card-title">{t.kebutuhan.identified}</h2>}>
        <AsyncView state={needs}>
          {(rows) => (
            <Table
              rowKey="need_id"
              dataSource={rows}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { title: t.kebutuhan.unit, dataIndex: "unit_name", render: (v, r) => v ?? r.unit_id },
                {
                  title: t.kebutuhan.position,
                  dataIndex: "title",
                  render: (v, r) => <Link to={`/kebutuhan/${r.need_id}`}>{v ?? r.position_id}</Link>,
                },
                { title: t.kebutuhan.count, dataIndex: "count", align: "right" },
                {
                  title: t.kebutuhan.fulfilled,
                  dataIndex: "share_fulfilled",
                  render: (v: number) => <Progress percent={Math.round(v * 100)} size="small" aria-label={t.kebutuhan.fulfilled} />,
                },
                { title: t.kebutuhan.candidatesAvailable, dataIndex: "candidates_available", align: "right" },
                { title: t.kebutuhan.priorityLabel, dataIndex: "priority", render: (v: string) => t.priority[v] ?? v },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      {chosen && <IdentifyNeed shortage={chosen} onClose={() => setChosen(null)} />}
    </Space>
  );
}

function IdentifyNeed({ shortage, onClose }: { shortage: Shortage; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const unit = shortage.unit_name ?? shortage.unit_id;

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const made = await unwrap(
        mutation.POST("/needs", {
          body: { unit_id: shortage.unit_id, position_id: shortage.position_id, count: v.count, reason: v.reason, priority: v.priority },
        }),
      );
      navigate(`/kebutuhan/${made.need_id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t.kebutuhan.identifyTitle(shortage.title, unit)}
      okText={t.kebutuhan.identify}
      cancelText={t.common.cancel}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ count: Math.max(1, shortage.suggested_count), reason: t.kebutuhan.reasonDefault(shortage.title, unit), priority: "HIGH" }}
      >
        <Form.Item name="count" label={t.kebutuhan.count} rules={[{ required: true, message: t.actions.required }]}>
          <InputNumber min={1} max={Math.max(1, shortage.suggested_count)} />
        </Form.Item>
        <Form.Item name="reason" label={t.kebutuhan.reason} rules={[{ required: true, message: t.actions.required }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="priority" label={t.kebutuhan.priorityLabel}>
          <Select options={Object.entries(t.priority).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Form>
      {error && <Refusal error={error} />}
    </Modal>
  );
}
