// npm run user:create -- --email a@b.c --role admin [--name "A B"] — adds a user; the password comes from stdin or a silent prompt.
import { parseArgs } from "node:util";
import { msg } from "@/i18n/message";
import { AppError, validationError } from "@/lib/errors";
import { createPrismaClient } from "@/lib/db/create-client";
import { DEFAULT_DATABASE_URL, redactUrl } from "@/lib/db/database-url";
import { createUserStore } from "@/lib/db/user-store";
import { newUserSchema } from "@/lib/users/schemas";

const USAGE = `Usage: npm run user:create -- --email EMAIL --role viewer|operator|admin [--name NAME]
The password (at least 12 characters) is read from stdin when piped, otherwise asked for without echo.
The database is DATABASE_URL (default ${DEFAULT_DATABASE_URL}); run npm run db:migrate first.`;

class UsageError extends Error {}

function readPiped(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk: string) => (data += chunk));
    process.stdin.on("end", () => resolve(data.replace(/\r?\n$/, "")));
    process.stdin.on("error", reject);
  });
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let answer = "";
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return finish();
        if (char === "\u0003" || char === "\u0004") return finish(new UsageError("Cancelled."));
        if (char === "\u007f" || char === "\b") answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    process.stderr.write(question);
    stdin.setEncoding("utf8");
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const password = await promptHidden("Password: ");
  if ((await promptHidden("Repeat password: ")) !== password)
    throw new UsageError("The passwords do not match.");
  return password;
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof AppError) {
    const fields = Object.entries(error.fields ?? {}).map(
      ([field, messages]) => `  ${field}: ${messages.join(" ")}`,
    );
    return [error.code === "validation_failed" ? `${error.message} (See --help.)` : error.message, ...fields].join("\n");
  }
  if ((error as { code?: string }).code === "P2021")
    return "The User table does not exist: run npm run db:migrate first.";
  return `Could not create the user: ${error instanceof Error ? error.message : String(error)}`;
}

async function main() {
  const { email, role, name } = parseOptions();
  // Everything but the password first, so a typo is reported before the prompt.
  const fields = newUserSchema.omit({ password: true }).safeParse({ email, role, name });
  if (!fields.success) throw validationError(fields.error, msg("errors.users.invalid"));
  const password = await readPassword();
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const client = createPrismaClient(url);
  try {
    const user = await createUserStore(client).createUser({ ...fields.data, password });
    console.log(`Created ${user.role} ${user.email} (id ${user.id}) in ${redactUrl(url)}.`);
  } finally {
    await client.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(describe(error));
  process.exit(1);
});
