import { z } from "zod";
import { healthAnswerSchema, readinessSchema } from "@/lib/health/dto";
import { HEALTH_EXAMPLES, NOT_READY_EXAMPLES, READY_EXAMPLES } from "../examples";
import type { Operation } from "../operation";

// Endpoints for operators and tools rather than people: probes, metrics, this document.

/** The probes pass the guard's address and size checks (docs/api.md "Limits") without its session. */
const PROBE_ERRORS = [400, 413];

export const SERVICE_OPERATIONS: Operation[] = [
  {
    id: "getHealth",
    method: "get",
    path: "/api/health",
    summary: "Liveness probe",
    description:
      "Answers 200 as long as the process answers; touches nothing else (no database, no SWR). For an orchestrator's liveness check. Never cached.",
    tag: "Service",
    access: "public",
    responses: [
      {
        status: 200,
        description: "The process is alive.",
        json: { schema: healthAnswerSchema, name: "HealthAnswer", examples: HEALTH_EXAMPLES },
      },
    ],
    errors: PROBE_ERRORS,
  },
  {
    id: "getReadiness",
    method: "get",
    path: "/api/ready",
    summary: "Readiness probe",
    description:
      "Whether this instance is fit to take traffic, for a load balancer: `database` (answers `SELECT 1` within 2 s), `migrations` (every migration of this build applied), `engine` (this instance's sync engine ticked within 3 poll intervals; `skipped` with `SYNC_ENGINE=off`) and `swr` (SWR of the default region answered this process's last call, or any call in the last 60 s; the probe never calls SWR itself). 200 when every check is `ok` or `skipped`, else 503, with the same body either way. Each `detail` is a sentence for the operator, never a secret. The database checks are shared by the probes of 1.5 s. Never cached.",
    tag: "Service",
    access: "public",
    responses: [
      {
        status: 200,
        description: "Ready: every check is `ok` or `skipped`.",
        json: { schema: readinessSchema, name: "Readiness", examples: READY_EXAMPLES },
      },
      {
        status: 503,
        description: "Not ready: at least one check is `failing`; the body names it.",
        json: { schema: readinessSchema, name: "Readiness", examples: NOT_READY_EXAMPLES },
      },
    ],
    errors: PROBE_ERRORS,
  },
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
