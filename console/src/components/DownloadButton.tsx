/** A button that fetches a file with the bearer token and offers it to the person; a
 * refusal (not theirs, not found) is shown beside it as the API gives it. */
import { Button } from "antd";
import { useState } from "react";
import { ApiError } from "../api/problem";
import { saveBlob } from "../api/download";
import { Refusal } from "./Refusal";

export function DownloadButton({
  label,
  filename,
  fetchFile,
  primary,
  size,
}: {
  label: string;
  filename: string;
  fetchFile: () => Promise<Blob>;
  primary?: boolean;
  size?: "small" | "middle";
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      saveBlob(await fetchFile(), filename);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button type={primary ? "primary" : "default"} size={size} loading={busy} onClick={() => void download()}>
        {label}
      </Button>
      {error && <Refusal error={error} />}
    </>
  );
}
