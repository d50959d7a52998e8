// secretlint's recommended rule preset, run synchronously on one string at a time. Each rule scans the
// whole text it is given, so a rule runs only on text that contains its keyword (HINTS): the preset's
// own patterns decide what is a secret, the keywords only spare the rules text they cannot match.
import { rules } from "@secretlint/secretlint-rule-preset-recommend";
import type { Match } from "../types";

type Source = { content: string; filePath?: string; ext: string; contentType: "text" };
type Report = { range: readonly number[]; message: string };
type Context = {
  report(report: Report): void;
  createTranslator(messages: unknown): (id: string, props?: Record<string, unknown>) => string;
  ignore(): void;
};
type RuleCreator = { meta: { id: string }; create(context: Context, options: object): { file?(source: Source): unknown } };

/** Case-insensitive source for a literal, for rules whose patterns carry the `i` flag. */
const caseless = (literal: string) =>
  literal.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).replace(/[.+/]/g, (c) => (c === "/" ? "\\/" : `\\${c}`));

/**
 * Per rule, a pattern found in every text the rule can report on (mirroring the rule's own prefix or
 * keyword, its letter case included). Each starts at a character that is rare in prose and JSON (`_`
 * before a lookbehind for the prefix, rather than the prefix's common first letter), which is what
 * keeps scanning text without secrets cheap. A rule of the preset without an entry here is never run:
 * the unit test fails when a preset upgrade brings one.
 */
export const HINTS: Record<string, string> = {
  "@secretlint/secretlint-rule-aws": ["A(?:3T[A-Z0-9]|KIA|GPA|IDA|ROA|IPA|NPA|NVA|SIA)", "KEY|key|Key"].join("|"),
  "@secretlint/secretlint-rule-privatekey": "-----BEGIN",
  "@secretlint/secretlint-rule-npm": "_(?<=npm_)|-oauth-basic",
  "@secretlint/secretlint-rule-basicauth": "://",
  "@secretlint/secretlint-rule-slack": `-(?<=xox[bpaor]-|xapp-)|${caseless("hooks.slack.com")}`,
  "@secretlint/secretlint-rule-sendgrid": "SG\\.",
  "@secretlint/secretlint-rule-shopify": "_(?<=shp(?:pa|ca|at|ss)_)",
  "@secretlint/secretlint-rule-github": "_(?<=gh[pousr]_|github_pat_)",
  "@secretlint/secretlint-rule-gitlab": "-(?<=glpat-)",
  "@secretlint/secretlint-rule-grafana": "_(?<=glc_|glsa_)",
  "@secretlint/secretlint-rule-openai": "T3BlbkFJ",
  "@secretlint/secretlint-rule-anthropic": "-(?<=sk-ant-)api0",
  "@secretlint/secretlint-rule-groq": "_(?<=gsk_)",
  "@secretlint/secretlint-rule-huggingface": "_(?<=hf_)",
  "@secretlint/secretlint-rule-linear": "_(?<=lin_api_)",
  "@secretlint/secretlint-rule-notion": "_(?<=ntn_)",
  "@secretlint/secretlint-rule-1password": "_(?<=ops_)",
  "@secretlint/secretlint-rule-database-connection-string": "://",
  "@secretlint/secretlint-rule-hashicorp-vault": "\\.(?<=hv[sbr]\\.)",
  "@secretlint/secretlint-rule-vercel": "_(?<=vc[pikar]_)",
  "@secretlint/secretlint-rule-databricks": "dapi",
  "@secretlint/secretlint-rule-docker": "_(?<=dckr_pat_)",
  "@secretlint/secretlint-rule-figma": "_(?<=figd_)",
};

/** Rules left out on purpose: gcp reads `.json`/`.p12` files by path; filter-comments lets text silence the other rules. */
export const SKIPPED_RULES = new Set(["@secretlint/secretlint-rule-gcp", "@secretlint/secretlint-rule-filter-comments"]);

/** AWS account ids are identifiers, not secrets (AWS says so); the AWS rule reports them beside access key ids. */
const IGNORED_MESSAGES = new Set(["AWSAccountID"]);

/** Options per rule: AWS access key ids (AKIA…) are scanned only when asked. */
const OPTIONS: Record<string, object> = { "@secretlint/secretlint-rule-aws": { enableIDScanRule: true } };

export type SecretRule = { id: string; hint: RegExp; scan(text: string, name: string, out: Match[]): void };

/**
 * The preset's rules, ready to scan. A rule reports the range of its whole match, which for a few rules
 * (an AWS secret after `aws_secret_access_key=`) starts before the secret and is only as long as the
 * secret: the match is widened to cover the reported value wherever it lies after the range's start.
 */
export function loadSecretRules(): SecretRule[] {
  let reports: { range: readonly number[]; values: string[] }[] = [];
  let values: string[] = [];
  let messageId = "";
  const context: Context = {
    report: ({ range }) => {
      if (!IGNORED_MESSAGES.has(messageId)) reports.push({ range, values });
    },
    createTranslator: () => (id, props) => {
      messageId = id;
      values = Object.values(props ?? {}).filter((v): v is string => typeof v === "string" && v.length >= 8);
      return "";
    },
    ignore: () => undefined,
  };
  const loaded: SecretRule[] = [];
  for (const creator of rules as unknown as RuleCreator[]) {
    const id = creator.meta.id;
    const hint = HINTS[id];
    if (SKIPPED_RULES.has(id) || hint === undefined) continue;
    const handlers = creator.create(context, OPTIONS[id] ?? {});
    const file = handlers.file?.bind(handlers);
    if (!file) continue;
    loaded.push({
      id,
      hint: new RegExp(hint),
      scan(text, name, out) {
        reports = [];
        file({ content: text, ext: "", contentType: "text" });
        for (const { range, values: reported } of reports) {
          const start = range[0] ?? 0;
          let end = range[1] ?? start;
          for (const value of reported) {
            const at = text.indexOf(value, start);
            if (at >= 0 && at <= end) end = Math.max(end, at + value.length);
          }
          if (end > start) out.push({ start, end, name });
        }
      },
    });
  }
  return loaded;
}
