import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { YishiError } from '../../core/errors.js';

/**
 * Values kept as strings (MsgId is opaque and may exceed 2^53), attributes ignored. DTDs are
 * refused before parsing, so only XML's five predefined entities can ever be expanded.
 */
const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 8,
});

const FORBIDDEN = /<!DOCTYPE|<!ENTITY/i;

/** The flat fields of a WeCom `<xml>…</xml>` document; nested elements are left out. */
export type XmlFields = Readonly<Record<string, string>>;

/** Parses a WeCom XML document; refuses DTDs, entity declarations and anything that is not one `<xml>` element. */
export function parseWecomXml(text: string, what: 'envelope' | 'message'): XmlFields {
  if (FORBIDDEN.test(text)) throw new YishiError('wecom_xml_forbidden', { status: 400, detail: `the ${what} declares a DTD or an entity` });
  if (XMLValidator.validate(text) !== true)
    throw new YishiError('wecom_xml_invalid', { status: 400, detail: `the ${what} is not well-formed XML` });
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    throw new YishiError('wecom_xml_invalid', { status: 400, detail: `the ${what} could not be parsed`, cause: error });
  }
  const root = (parsed as Record<string, unknown>).xml;
  if (Object.keys(parsed as object).length !== 1 || root === null || typeof root !== 'object') {
    throw new YishiError('wecom_xml_invalid', { status: 400, detail: `the ${what} is not a single <xml> element` });
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(root)) if (typeof value === 'string' && name !== '#text') fields[name] = value;
  return fields;
}

const cdata = (value: string) => `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** Builds `<xml>` with every value in CDATA except the listed numeric ones (as WeCom's samples do). */
export function buildWecomXml(fields: Record<string, string>, numeric: readonly string[] = []): string {
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${numeric.includes(name) && /^\d+$/.test(value) ? value : cdata(value)}</${name}>`)
    .join('');
  return `<xml>${body}</xml>`;
}
