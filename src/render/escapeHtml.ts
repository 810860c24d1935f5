const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe to place in HTML, between tags or inside a quoted attribute value: `&`, `<`, `>`, `"`
 * and `'` become character references (the OWASP rule for HTML contexts). Never use the result inside a
 * `<script>` or `<style>` element, an unquoted attribute or a URL.
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
