import { z } from "zod";
import type { Operation } from "../operation";

// Endpoints for operators and tools rather than people: metrics, this document.

export const SERVICE_OPERATIONS: Operation[] = [
  {
    id: "getMetrics",
    method: "get",
    path: "/api/metrics",
    summary: "Scrape Prometheus metrics",
    description:
      "Prometheus text format. When the server sets `METRICS_TOKEN`, send it as `Authorization: Bearer <METRICS_TOKEN>`; else no credentials are needed.",
    tag: "Service",
    access: "metricsToken",
    responses: [
      {
        status: 200,
        description: "The metrics.",
        other: { mediaType: "text/plain", description: "Prometheus exposition format 0.0.4." },
      },
    ],
    errors: [401],
  },
  {
    id: "getOpenApiDocument",
    method: "get",
    path: "/api/openapi.json",
    summary: "Get this API document",
    description:
      "This OpenAPI 3.1 document. The same for every installation of this version: it holds no data of the server and needs no sign-in.",
    tag: "Service",
    access: "public",
    responses: [
      {
        status: 200,
        description: "The document.",
        json: { schema: z.record(z.string(), z.unknown()), name: "OpenApiDocument" },
      },
    ],
  },
];
