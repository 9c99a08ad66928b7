/** Decap's own file formats, imported by the desk to wrap them (src/lib/cms/new-entry-id.ts); shipped without types. */
interface DecapFormatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>): string;
}
declare module 'decap-cms-core/dist/esm/formats/frontmatter' {
  export function frontmatterYAML(customDelimiter?: string): DecapFormatter;
}
declare module 'decap-cms-core/dist/esm/formats/yaml' {
  const yamlFormatter: DecapFormatter;
  export default yamlFormatter;
}
