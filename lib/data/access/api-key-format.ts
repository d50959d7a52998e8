// The shape of API keys: `hs_` + 32 URL-safe random characters (192 bits), stored only as sha256.
import { createHash, randomBytes } from "node:crypto";

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export const generateApiKey = () => `hs_${randomBytes(24).toString("base64url")}`;

/** The characters shown to tell keys apart ("hs_4lJ1f…"): enough to recognise, far too few to guess from. */
export const keyPrefix = (key: string) => key.slice(0, 10);

export const KEY_PATTERN = /^hs_[A-Za-z0-9_-]{16,}$/;
