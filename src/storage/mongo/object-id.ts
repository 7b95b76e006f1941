/**
 * Whether a string can be a MongoDB ObjectId (24 hex digits). Ids are storage's business: a
 * repository answers "not found" for anything else, so no layer above needs to know their shape.
 * (mongoose's `isValidObjectId` also accepts any 12-character string, which is not what we mean.)
 *
 * @example
 * isObjectId('65f1c2a4e13b5a0012345678'); // true
 */
export function isObjectId(id: string): boolean {
  return /^[0-9a-f]{24}$/i.test(id);
}
