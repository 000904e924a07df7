/**
 * The enterprise self-assessment (DESIGN §4.7): questionnaire, submission (no login; rate-limited
 * per address; a signed form token with a minimum fill time and a honeypot field keep scripts out
 * without third-party services), a result read back with the secret token the submission returned,
 * and public statistics with the representativeness caveat.
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  botCheck,
  checkSubmission,
  DEFAULT_MIN_FILL_MS,
  getResult,
  getStats,
  invalidSubmission,
  issueFormToken,
  questionnaire,
  submitAssessment,
} from "../../services/assessments.ts";
import type { Store } from "../../store/db.ts";
import { areaCode, geography } from "../params.ts";

export interface AssessmentRouteOptions {
  /** Least time between fetching the questionnaire and submitting; default 20 s. */
  minFillMs?: number;
  /** Submissions per address and window; false turns the limit off (tests). */
  submitRateLimit?: { max: number; timeWindowMs: number } | false;
}

export const RESULT_TOKEN_HEADER = "x-assessment-token";

export const assessmentRoutes =
  (store: Store, options: AssessmentRouteOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const minFillMs = options.minFillMs ?? DEFAULT_MIN_FILL_MS;
    const limit =
      options.submitRateLimit === undefined
        ? { max: 20, timeWindowMs: 10 * 60_000 }
        : options.submitRateLimit;

    app.get(
      "/assessments/questionnaire",
      {
        schema: {
          summary:
            "The self-assessment questionnaire: pillars, questions, answer scale, platforms, levels and thresholds, sectors, size classes; with a form token to send back",
          tags: ["assessments"],
        },
      },
      async (_req, reply) => {
        reply.header("Cache-Control", "no-store");
        return {
          ...questionnaire(),
          form_token: await issueFormToken(store),
          min_fill_seconds: Math.ceil(minFillMs / 1000),
        };
      },
    );

    app.get(
      "/assessments/stats",
      {
        schema: {
          summary:
            "Statistics of the latest self-assessment of each firm: count, levels, pillar means, platform shares, provinces, trend by quarter. Self-selected respondents: not a representative sample",
          tags: ["assessments"],
          querystring: z.strictObject({
            geography: geography.default("2025"),
            area: areaCode.default("VN"),
            sector: z
              .string()
              .regex(/^[A-U]$/, "sector is a VSIC 2018 section letter A–U")
              .optional(),
            size: z
              .enum(["micro", "small", "medium", "large"], { error: "size is micro, small, medium or large" })
              .optional(),
          }),
        },
      },
      async (req, reply) => {
        reply.header("Cache-Control", "public, max-age=60");
        return getStats(store, req.query);
      },
    );

    app.get(
      "/assessments/result",
      {
        schema: {
          summary: `One submission's result, read with the secret token its submission returned (header ${RESULT_TOKEN_HEADER})`,
          tags: ["assessments"],
          headers: z.looseObject({ [RESULT_TOKEN_HEADER]: z.string().min(10).max(100) }),
        },
      },
      async (req, reply) => {
        reply.header("Cache-Control", "private, no-store");
        return getResult(store, String(req.headers[RESULT_TOKEN_HEADER]));
      },
    );

    // Submissions in their own scope, so that the in-memory rate limiter applies to them alone.
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<ZodTypeProvider>();
      if (limit) {
        await scope.register(rateLimit, {
          global: false,
          errorResponseBuilder: (_req, ctx) =>
            Object.assign(new Error(`Too many assessments sent from this address: retry in ${ctx.after}`), {
              statusCode: 429,
              code: "RATE_LIMITED",
            }),
        });
      }
      scope.post(
        "/assessments",
        {
          config: {
            csrf: false,
            ...(limit ? { rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs } } : {}),
          },
          schema: {
            summary:
              "Submit a self-assessment (no login). A 400 lists every bad field. Returns the result and a secret token to read it again",
            tags: ["assessments"],
            // The fields are checked one by one in the service, so that every bad one is named at once
            // with a message in Vietnamese and English; here only the JSON shape is required.
            body: z.record(z.string(), z.unknown()),
          },
        },
        async (req, reply) => {
          const errors = [...(await botCheck(store, req.body, { minFillMs })), ...checkErrors(req.body)];
          if (errors.length) throw invalidSubmission(errors);
          const out = await submitAssessment(store, req.body);
          reply.code(out.duplicate ? 200 : 201).header("Cache-Control", "no-store");
          return { duplicate: out.duplicate, token: out.token, result: out.result };
        },
      );
    });
  };

function checkErrors(body: unknown) {
  const r = checkSubmission(body);
  return r.ok ? [] : r.errors;
}
