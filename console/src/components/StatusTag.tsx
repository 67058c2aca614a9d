import { Tag } from "antd";
import { statusLabel } from "../i18n";

const COLOURS: Record<string, string> = {
  PROPOSED: "blue",
  DOCUMENTS_CHECKED: "blue",
  REVIEWED: "geekblue",
  APPROVED: "cyan",
  SOCIALIZED: "purple",
  ACKNOWLEDGED: "green",
  OBJECTED: "orange",
  OBJECTION_DISMISSED: "orange",
  DECREED: "green",
  EFFECTIVE: "success",
  REJECTED: "red",
  CANCELLED: "default",
};

/** A transfer's step, in words, with a colour that is never its only sign. */
export function StatusTag({ status }: { status: string }) {
  return <Tag color={COLOURS[status]}>{statusLabel(status)}</Tag>;
}
