import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentMarkdown } from "@/components/collab/comment-markdown";

const render = (body: string) => renderToStaticMarkup(createElement(CommentMarkdown, { body }));

describe("comment Markdown", () => {
  it("renders Markdown", () => {
    const html = render("**bold** and [docs](https://example.com/a?b=1)\n\n- one\n- two");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('href="https://example.com/a?b=1"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain("<li>one</li>");
  });

  it("keeps raw HTML as text: no script, no img, no event handler attribute", () => {
    const html = render(`<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=1">\n\ntext <b onmouseover="x()">b</b>`);
    expect(html).not.toMatch(/<script|<img|<b[ >]/i);
    // No element carries an event handler: the handlers are only in escaped text.
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("onerror");
  });

  it("drops javascript: and data: URLs from links and images", () => {
    const html = render(
      "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](java%0ascript:alert(1)) ![d](javascript:alert(1)) [e](data:text/html,<script>1</script>) <javascript:alert(1)>",
    );
    expect(html).not.toMatch(/href="\s*(javascript|data|java)/i);
    expect(html).not.toContain("<img");
  });

  it("shows a mention as the member's highlighted name, never as a link", () => {
    const html = render("Thanks [@Alice Smith](mention:u_alice) and [@x](mention:javascript:alert(1)) <b>");
    expect(html).toContain(
      '<span class="rounded bg-accent/10 px-0.5 font-medium text-accent" data-testid="mention" data-user-id="u_alice">@Alice Smith</span>',
    );
    expect(html).not.toContain("<a");
    expect(html).not.toContain("href=");
    expect(html).toContain("&lt;b&gt;");
  });
});
