import { Tag } from "antd";
import { statusLabel } from "../i18n";

// Dark text on a light ground, each pair above WCAG AA's 4.5:1 (Ant's presets are not all).
export const PALETTE = {
  blue: { color: "#0b4a8b", background: "#e6f0fa", borderColor: "#9cc0e6" },
  purple: { color: "#4a2a8a", background: "#f1ebfb", borderColor: "#c3b0ea" },
  green: { color: "#1b5e20", background: "#e8f5e9", borderColor: "#a5d6a7" },
  orange: { color: "#7a3e00", background: "#fff3e0", borderColor: "#ffcc80" },
  red: { color: "#8e1b1b", background: "#fdecea", borderColor: "#f4a9a8" },
  grey: { color: "#424242", background: "#f0f0f0", borderColor: "#c8c8c8" },
};

const COLOURS: Record<string, keyof typeof PALETTE> = {
  PROPOSED: "blue",
  DOCUMENTS_CHECKED: "blue",
  REVIEWED: "blue",
  APPROVED: "purple",
  SOCIALIZED: "purple",
  ACKNOWLEDGED: "green",
  OBJECTED: "orange",
  OBJECTION_DISMISSED: "orange",
  OBJECTION_UPHELD: "orange",
  DECREED: "green",
  HELD: "red",
  EFFECTIVE: "green",
  REJECTED: "red",
  CANCELLED: "grey",
};

/** A transfer's step, in words, with a colour that is never its only sign. */
export function StatusTag({ status }: { status: string }) {
  return <Tag style={PALETTE[COLOURS[status] ?? "grey"]}>{statusLabel(status)}</Tag>;
}
