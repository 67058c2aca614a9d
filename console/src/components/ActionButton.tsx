/** One step of a transfer for the signed-in role: a button, a confirmation with the fields
 * the step needs, and the API's refusal shown in place when it says no. */
import { Button, Form, Modal, message } from "antd";
import { useState, type ReactNode } from "react";
import { ApiError } from "../api/problem";
import { t } from "../i18n";
import { Refusal } from "./Refusal";

export function ActionButton<V extends object>({
  label,
  danger,
  primary,
  fields,
  initialValues,
  run,
  onDone,
}: {
  label: string;
  danger?: boolean;
  primary?: boolean;
  fields?: ReactNode;
  initialValues?: Partial<V>;
  run: (values: V) => Promise<unknown>;
  onDone?: (result: unknown) => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [form] = Form.useForm<V>();

  async function submit() {
    let values = {} as V;
    if (fields) {
      try {
        values = await form.validateFields();
      } catch {
        return; // the form shows what is missing beside each field
      }
    }
    setBusy(true);
    setError(null);
    try {
      const result = await run(values);
      setOpen(false);
      message.success(t.actions.done(label));
      onDone?.(result);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button type={primary ? "primary" : "default"} danger={danger} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={t.actions.confirmTitle(label)}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        confirmLoading={busy}
        okButtonProps={{ danger }}
        onOk={submit}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        destroyOnHidden
      >
        {fields && (
          <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
            {fields}
          </Form>
        )}
        {error && <Refusal error={error} />}
      </Modal>
    </>
  );
}
