/** Sign in: the province's SSO in production; in development a role and a demo user. */
import { Alert, Button, Card, Form, Input, Select, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../api/problem";
import { useSession } from "../auth/session";
import { Refusal } from "../components/Refusal";
import { t } from "../i18n";

/** The demo province's officials; an employee or an evaluator is named by NIP. */
export const DEMO_USERS: Record<string, { subject: string; username: string }[]> = {
  bkd_operator: [
    { subject: "operator.bkd", username: "operator.bkd" },
    { subject: "kabid.mutasi.bkd", username: "kabid.mutasi.bkd" },
  ],
  tpk_member: [{ subject: "tpk.anggota", username: "tpk.anggota" }],
  ppk: [{ subject: "ppk.gubernur", username: "ppk.gubernur" }],
  auditor: [{ subject: "auditor.inspektorat", username: "auditor.inspektorat" }],
  evaluator: [{ subject: "kepala.unit", username: "kepala.unit" }],
  employee: [{ subject: "asn", username: "asn" }],
};

const NEEDS_NIP = new Set(["employee", "evaluator"]);

interface Values {
  role: string;
  subject: string;
  nip?: string;
  units?: string;
}

export function SignIn() {
  const { config, configError, signInDev, signInOidc } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch("role", form) ?? "bkd_operator";
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    const user = DEMO_USERS[v.role]?.find((u) => u.subject === v.subject) ?? DEMO_USERS[v.role][0];
    try {
      await signInDev({
        roles: [v.role],
        subject: v.nip && NEEDS_NIP.has(v.role) ? v.nip : user.subject,
        username: user.username,
        nip: NEEDS_NIP.has(v.role) ? v.nip : undefined,
        units: v.role === "evaluator" ? (v.units ?? "").split(",").map((u) => u.trim()).filter(Boolean) : [],
      });
      navigate(v.role === "employee" ? "/saya" : v.role === "evaluator" ? "/pemantauan" : "/tugas");
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in" id="konten">
      <Card>
        <Typography.Title level={1}>{t.signIn.title}</Typography.Title>
        <Typography.Paragraph>{t.app.agency}</Typography.Paragraph>
        {configError && <Alert type="error" role="alert" message={t.common.networkError} />}
        {config?.auth === "oidc" && (
          <Button type="primary" size="large" onClick={() => void signInOidc()}>
            {t.signIn.sso}
          </Button>
        )}
        {config?.auth === "development" && (
          <>
            <Alert type="warning" showIcon message={t.signIn.devNotice} style={{ marginBottom: 16 }} />
            <Form
              form={form}
              layout="vertical"
              initialValues={{ role: "bkd_operator", subject: "operator.bkd" }}
              onFinish={submit}
              onValuesChange={(changed) => {
                if (changed.role) form.setFieldValue("subject", DEMO_USERS[changed.role]?.[0]?.subject);
              }}
            >
              <Form.Item name="role" label={t.signIn.role} rules={[{ required: true }]}>
                <Select
                  options={Object.keys(DEMO_USERS).map((r) => ({ value: r, label: t.roles[r] }))}
                />
              </Form.Item>
              {NEEDS_NIP.has(role) ? (
                <Form.Item
                  name="nip"
                  label={t.signIn.nip}
                  extra={t.signIn.nipHelp}
                  rules={[{ required: true, pattern: /^\d{18}$/, message: t.signIn.nipInvalid }]}
                >
                  <Input inputMode="numeric" autoComplete="off" />
                </Form.Item>
              ) : (
                <Form.Item name="subject" label={t.signIn.user}>
                  <Select
                    options={(DEMO_USERS[role] ?? []).map((u) => ({ value: u.subject, label: u.username }))}
                  />
                </Form.Item>
              )}
              {role === "evaluator" && (
                <Form.Item name="units" label={t.signIn.units} rules={[{ required: true, message: t.actions.required }]}>
                  <Input autoComplete="off" />
                </Form.Item>
              )}
              {error && <Refusal error={error} />}
              <Button type="primary" htmlType="submit" loading={busy} block size="large">
                {t.signIn.submit}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}

export function OidcCallback() {
  const { completeOidc, oidcReady } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (!oidcReady || started.current) return; // the code can be exchanged once only
    started.current = true;
    completeOidc().then(
      () => navigate("/", { replace: true }),
      () => setFailed(true),
    );
  }, [oidcReady, completeOidc, navigate]);
  return <main id="konten">{failed ? <Alert type="error" message={t.signIn.callbackFailed} /> : t.signIn.signingIn}</main>;
}
