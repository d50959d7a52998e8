// The one rounding of costs the API returns. Costs are sums of float products (0.00022004999999999998);
// 1e-10 USD is far below what one token costs at any price (≥ 1e-9 USD), so rounding there only removes noise.

/** A cost rounded to 1e-10 USD. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e10) / 1e10;

/** roundUsd that keeps null (unpriced) as null. */
export const roundUsdOrNull = (usd: number | null): number | null => (usd === null ? null : roundUsd(usd));
