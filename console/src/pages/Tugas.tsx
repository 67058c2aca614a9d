/** Tugas saya: what awaits the signed-in person, by role: files to review, to decide, to
 * socialise or decree, objections to resolve, evaluations due. */
import { Badge, Card, List, Space, Typography } from "antd";
import { Link } from "react-router-dom";
import { evaluation } from "../api/client";
import { unwrap } from "../api/problem";
import { useLoad } from "../api/useLoad";
import { useSession } from "../auth/session";
import { AsyncView } from "../components/AsyncView";
import { StatusTag } from "../components/StatusTag";
import { formatDate, t } from "../i18n";
import { flatten, loadPipeline, type FileRow } from "./Mutasi";

/** Which steps wait on which role, and under which heading. */
export const QUEUES: { role: string; statuses: string[]; title: string }[] = [
  { role: "tpk_member", statuses: ["DOCUMENTS_CHECKED"], title: t.tugas.toReview },
  { role: "ppk", statuses: ["REVIEWED"], title: t.tugas.toDecide },
  { role: "ppk", statuses: ["OBJECTED"], title: t.tugas.objections },
  { role: "bkd_operator", statuses: ["PROPOSED"], title: t.mutasi.documents },
  { role: "bkd_operator", statuses: ["APPROVED"], title: t.tugas.toSocialize },
  { role: "bkd_operator", statuses: ["ACKNOWLEDGED", "OBJECTION_DISMISSED"], title: t.tugas.toDecree },
  { role: "bkd_operator", statuses: ["HELD"], title: t.tugas.held },
  { role: "ppk", statuses: ["HELD"], title: t.tugas.held },
];

export function Tugas() {
  const { claims } = useSession();
  const roles = claims?.roles ?? [];
  const queues = QUEUES.filter((q) => roles.includes(q.role));
  const pipeline = useLoad(() => (queues.length ? loadPipeline() : Promise.resolve([])), [roles.join()]);
  const evaluator = roles.includes("evaluator");
  const worklist = useLoad(
    () =>
      evaluator
        ? unwrap(evaluation.GET("/monitoring/worklist", { params: { query: { evaluator_nip: claims?.nip } } }))
        : Promise.resolve({ counts: {}, items: [] }),
    [evaluator, claims?.nip],
  );

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={1}>{t.tugas.title}</Typography.Title>
      {queues.length > 0 && (
        <AsyncView state={pipeline} isEmpty={() => false}>
          {(rows) => {
            const files = flatten(rows);
            return queues.map((q) => {
              const waiting = files.filter((f) => q.statuses.includes(f.status));
              return (
                <Card key={q.title} title={<h2 className="card-title">{q.title} <Badge count={waiting.length} showZero color="blue" /></h2>}
                  extra={q.title === t.tugas.toDecree && waiting.length > 0 ? <Link to="/keputusan/baru">{t.keputusan.issue}</Link> : undefined}>
                  <List<FileRow>
                    dataSource={waiting}
                    locale={{ emptyText: t.tugas.none }}
                    pagination={waiting.length > 10 ? { pageSize: 10 } : false}
                    renderItem={(f) => (
                      <List.Item>
                        <Link to={`/mutasi/${f.mutation_id}`}>{`${t.mutasi.id} ${f.mutation_id.slice(0, 8)} → ${f.to_unit_id}`}</Link>
                        <StatusTag status={f.status} />
                      </List.Item>
                    )}
                  />
                </Card>
              );
            });
          }}
        </AsyncView>
      )}
      {evaluator && (
        <Card title={<h2 className="card-title">{t.tugas.evaluations}</h2>}>
          <AsyncView state={worklist} isEmpty={(w) => w.items.length === 0} empty={t.tugas.none}>
            {(w) => (
              <List
                dataSource={w.items.filter((i) => i.status === "DUE" || i.status === "OVERDUE")}
                locale={{ emptyText: t.tugas.none }}
                renderItem={(i) => (
                  <List.Item>
                    <Link to={`/pemantauan?plan=${i.plan_id}&checkpoint=${i.checkpoint_id}`}>
                      {`${i.nip} · ${t.pemantauan.monthsAfter(i.months_after)} · ${t.pemantauan.due} ${formatDate(i.due_date)}`}
                    </Link>
                  </List.Item>
                )}
              />
            )}
          </AsyncView>
        </Card>
      )}
      {!queues.length && !evaluator && <Typography.Text>{t.tugas.none}</Typography.Text>}
    </Space>
  );
}
