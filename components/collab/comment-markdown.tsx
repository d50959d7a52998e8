import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { MENTION_SCHEME } from "@/lib/retro/collab/mentions";

// Comments are Markdown written by people and shown to others: raw HTML in them stays text (no
// rehype-raw), URLs other than http(s), mailto and relative ones are dropped by react-markdown's
// defaultUrlTransform (so `javascript:` links do nothing), links open in a new tab without the opener,
// and images are shown as links rather than loaded (an image URL would tell its host who read the comment).
// Mentions (`[@Name](mention:<userId>)`) keep their scheme through the transform and render as a
// highlighted name, not as a link.
const urlTransform = (url: string) => (url.startsWith(MENTION_SCHEME) ? url : defaultUrlTransform(url));

const COMPONENTS: Components = {
  a: ({ href, children }) =>
    href?.startsWith(MENTION_SCHEME) ? (
      <span className="rounded bg-accent/10 px-0.5 font-medium text-accent" data-testid="mention" data-user-id={href.slice(MENTION_SCHEME.length)}>
        {children}
      </span>
    ) : href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline">
        {`[image${alt ? `: ${alt}` : ""}]`}
      </a>
    ) : (
      <span>{`[image${alt ? `: ${alt}` : ""}]`}</span>
    ),
};

export function CommentMarkdown({ body }: { body: string }) {
  return (
    <div className="prose-comment text-sm break-words [&_code]:rounded [&_code]:bg-surface [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown remarkPlugins={[remarkGfm]} urlTransform={urlTransform} components={COMPONENTS}>
        {body}
      </ReactMarkdown>
    </div>
  );
}
