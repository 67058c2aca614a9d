/** Self-service for every ASN, laid out for a phone: my notices, my transfers with their
 * reasons, acknowledging or objecting before the window closes, the petikan of my decree,
 * my monitoring. */
import { Button, Card, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { mutation, notification } from "../api/client";
import { unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { useSession } from "../auth/session";
import { petikan, safeName } from "../api/download";
import { AsyncView } from "../components/AsyncView";
import { DownloadButton } from "../components/DownloadButton";
import { StatusTag } from "../components/StatusTag";
import { formatDate, formatDateTime, t } from "../i18n";
import { Actions, Held, lastStep, loadTransfer, objectionDeadline, versionOf } from "./MutasiDetail";

export function Saya() {
  const { claims } = useSession();
  const nip = claims?.nip;
  const notices = useLoad(
    () => (nip ? unwrap(notification.GET("/inbox/{recipient}", { params: { path: { recipient: nip }, query: { limit: 50 } } })) : Promise.resolve([])),
    [nip],
  );
  const [minVersion, setMinVersion] = useState<{ id: string; version: number } | null>(null);
  // The list has no timelines; each of my (few) transfers is opened for its reasons.
  const transfers = useLoad(async () => {
    if (!nip) return [];
    const rows = await unwrap(mutation.GET("/employees/{nip}/mutations", { params: { path: { nip } } }));
    return Promise.all(
      rows.map((m) => loadTransfer(m.mutation_id, minVersion?.id === m.mutation_id ? minVersion.version : 0)),
    );
  }, [nip, minVersion]);
  if (!nip) return <Typography.Text>{t.saya.needNip}</Typography.Text>;

  async function markRead(id: string) {
    await unwrap(notification.POST("/inbox/{recipient}/{notification_id}/read", { params: { path: { recipient: nip!, notification_id: id } } }));
    notices.reload();
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} className="self-service">
      <Typography.Title level={1}>{t.saya.title}</Typography.Title>
      <Card title={<h2 className="card-title">{t.saya.myTransfers}</h2>}>
        <AsyncView state={transfers} empty={t.saya.noTransfer}>
          {(rows) => (
            <List
              dataSource={rows}
              renderItem={(m) => {
                const socialized = lastStep(m, "SOCIALIZED");
                const deadline = objectionDeadline(m);
                return (
                  <List.Item>
                    <div className="stack">
                      <div>
                        <StatusTag status={m.status} /> <strong>{`${m.to_position_id} · ${m.to_unit_id}`}</strong>
                      </div>
                      <div>{m.reason}</div>
                      {socialized?.reason && <blockquote>{socialized.reason}</blockquote>}
                      {m.sk_number && <div>{`${t.mutasi.sk}: ${m.sk_number} (${formatDate(m.sk_date)})`}</div>}
                      {m.tmt && <div>{`${t.mutasi.tmt}: ${formatDate(m.tmt)}`}</div>}
                      {m.decree_id && (
                        <div>
                          <DownloadButton
                            primary
                            label={t.keputusan.myPetikan}
                            filename={`Petikan-${safeName(m.sk_number ?? m.decree_id)}-${nip}.pdf`}
                            fetchFile={() => petikan(m.decree_id!, nip)}
                          />
                        </div>
                      )}
                      <Held m={m} />
                      {m.status === "SOCIALIZED" && deadline && (
                        <Typography.Text strong>
                          {t.saya.deadline(formatDate(deadline))}{" "}
                          <small>({t.saya.deadlineBasis})</small>
                        </Typography.Text>
                      )}
                      <Actions
                        m={m}
                        onDone={(r) => setMinVersion({ id: m.mutation_id, version: versionOf(r) || m.version + 1 })}
                      />
                    </div>
                  </List.Item>
                );
              }}
            />
          )}
        </AsyncView>
      </Card>
      <Card title={<h2 className="card-title">{t.saya.notices}</h2>}>
        <AsyncView state={notices}>
          {(rows) => (
            <List
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10, size: "small" } : false}
              renderItem={(n) => (
                <List.Item>
                  <article className="stack notice">
                    <h3 className="notice-subject">
                      {!n.read && <Tag color="blue">{t.saya.unread}</Tag>}
                      {n.subject}
                    </h3>
                    <div className="notice-body">{n.body}</div>
                    <small>{formatDateTime(n.dispatched_at)}</small>
                    {!n.read && (
                      <div>
                        <Button size="small" onClick={() => void markRead(n.notification_id)}>
                          {t.saya.markRead}
                        </Button>
                      </div>
                    )}
                  </article>
                </List.Item>
              )}
            />
          )}
        </AsyncView>
      </Card>
    </Space>
  );
}
