// XML as importers and feeds read it (fast-xml-parser): checked first, so that broken XML is
// reported with its line and column instead of half-read; text kept as text, attributes as
// `@_name`, the listed elements always arrays.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

export function parseXml(
  text: string,
  arrays: ReadonlySet<string>,
  fail: (message: string) => Error,
  options: { htmlEntities?: boolean } = {},
): XmlNode {
  const checked = XMLValidator.validate(text);
  if (checked !== true)
    throw fail(`not well-formed XML at line ${checked.err.line}, column ${checked.err.col}: ${checked.err.msg}`);
  return new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    processEntities: true,
    htmlEntities: options.htmlEntities ?? false,
    isArray: (name) => arrays.has(name),
  }).parse(text) as XmlNode;
}
