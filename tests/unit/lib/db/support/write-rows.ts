// Test writes through the Sql interface: `rows` copies of `body` into table "t", 100 a transaction.
import type { Sql } from "@/lib/db/sql";

export async function writeRows(sql: Sql, rows: number, body: string): Promise<void> {
  for (let i = 0; i < rows; i += 100) {
    const count = Math.min(100, rows - i);
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
