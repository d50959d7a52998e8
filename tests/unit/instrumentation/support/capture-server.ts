/** A throwaway OTLP receiver on an ephemeral port that records requests and answers a fixed status. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type CapturedRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

export type CaptureServer = {
  url: string;
  requests: CapturedRequest[];
  setStatus(status: number): void;
  close(): Promise<void>;
};

/** Starts the server on 127.0.0.1; `close()` also drops keep-alive sockets the exporter holds. */
export async function startCaptureServer(status = 200): Promise<CaptureServer> {
  let answer = status;
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      // An empty protobuf ExportTraceServiceResponse is zero bytes.
      res.writeHead(answer, { "content-type": "application/x-protobuf" });
      res.end(answer === 200 ? undefined : "refused");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setStatus: (next) => {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL nothing listens on: a port that was just released. */
export async function getClosedUrl(): Promise<string> {
  const server = await startCaptureServer();
  await server.close();
  return server.url;
}
