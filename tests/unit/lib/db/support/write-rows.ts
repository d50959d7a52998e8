// Test writes through the Sql interface: `rows` copies of `body` into table "t", `perTransaction` a commit.
import type { Sql } from "@/lib/db/sql";

export async function writeRows(sql: Sql, rows: number, body: string, perTransaction = 100): Promise<void> {
  for (let i = 0; i < rows; i += perTransaction) {
    const count = Math.min(perTransaction, rows - i);
    await sql.transaction((tx) =>
      tx.insertMany(
        "t",
        ["body"],
        Array.from({ length: count }, () => [body]),
        `DO NOTHING`,
      ),
    );
  }
}
